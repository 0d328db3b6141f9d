import BigJs from 'big.js';

var __defProp = Object.defineProperty;
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var Big = BigJs();
Big.DP = 40;
Big.RM = Big.roundDown;
Big.NE = -1e6;
Big.PE = 1e6;

// src/money/errors.ts
var MoneyError = class extends Error {
  constructor(code, message) {
    super(message);
    this.name = "MoneyError";
    this.code = code;
  }
};

// src/money/rational.ts
function rational(num2, den) {
  let n = BigInt(num2);
  let d = BigInt(den);
  if (d === 0n) throw new MoneyError("invalid_rate", "a rational needs a non-zero denominator");
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  let a = n < 0n ? -n : n;
  let b = d;
  while (b !== 0n) {
    const t = a % b;
    a = b;
    b = t;
  }
  const g = a === 0n ? d : a;
  n /= g;
  d /= g;
  const max = BigInt(Number.MAX_SAFE_INTEGER);
  if (n > max || n < -max || d > max) {
    throw new MoneyError("invalid_rate", `rate needs more precision than a safe-integer fraction holds: ${num2}/${den}`);
  }
  return { num: Number(n), den: Number(d) };
}
function parseDecimal(input, options = {}) {
  let text;
  if (typeof input === "number") {
    if (!Number.isFinite(input)) throw new MoneyError("invalid_rate", `not a finite number: ${String(input)}`);
    text = String(input);
  } else if (typeof input === "string") {
    text = input.trim();
    if (text.length === 0 || text.length > 64) throw new MoneyError("invalid_rate", `not a decimal: ${JSON.stringify(input.slice(0, 80))}`);
  } else {
    throw new MoneyError("invalid_rate", `a rate must be a decimal string or a number, got ${input === null ? "null" : typeof input}`);
  }
  let b;
  try {
    b = new Big(text);
  } catch {
    throw new MoneyError("invalid_rate", `not a decimal: ${JSON.stringify(text)}`);
  }
  const negative = b.s < 0 && !b.eq(0);
  if (negative && options.allowNegative !== true) throw new MoneyError("invalid_rate", `must not be negative: ${text}`);
  if (b.eq(0)) {
    if (options.allowZero === false) throw new MoneyError("invalid_rate", `must not be zero: ${text}`);
    return { num: 0, den: 1 };
  }
  const digits = b.c.join("");
  const scale = digits.length - 1 - b.e;
  if (scale > 30 || scale < -30) throw new MoneyError("invalid_rate", `decimal out of range: ${text}`);
  let num2 = BigInt(digits);
  let den = 1n;
  if (scale > 0) den = 10n ** BigInt(scale);
  else num2 *= 10n ** BigInt(-scale);
  return rational(negative ? -num2 : num2, den);
}
function parsePercent(input, options = {}) {
  const r = parseDecimal(input, options);
  return rational(r.num, BigInt(r.den) * 100n);
}
function addRationals(list) {
  let n = 0n;
  let d = 1n;
  for (const r of list) {
    n = n * BigInt(r.den) + BigInt(r.num) * d;
    d *= BigInt(r.den);
  }
  return rational(n, d);
}
function rationalToNumber(r) {
  if (r.den === 1) return r.num;
  return Number(new Big(r.num).div(r.den).toString());
}
function gcdBig(a, b) {
  while (b !== 0n) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}
function lcmBig(a, b) {
  return a / gcdBig(a, b) * b;
}

// node_modules/dinero.js/dist/esm/currencies/index.js
var currencies_exports = {};
__export(currencies_exports, {
  AED: () => AED,
  AFN: () => AFN,
  ALL: () => ALL,
  AMD: () => AMD,
  AOA: () => AOA,
  ARS: () => ARS,
  AUD: () => AUD,
  AWG: () => AWG,
  AZN: () => AZN,
  BAM: () => BAM,
  BBD: () => BBD,
  BDT: () => BDT,
  BGN: () => BGN,
  BHD: () => BHD,
  BIF: () => BIF,
  BMD: () => BMD,
  BND: () => BND,
  BOB: () => BOB,
  BOV: () => BOV,
  BRL: () => BRL,
  BSD: () => BSD,
  BTN: () => BTN,
  BWP: () => BWP,
  BYN: () => BYN,
  BZD: () => BZD,
  CAD: () => CAD,
  CDF: () => CDF,
  CHE: () => CHE,
  CHF: () => CHF,
  CHW: () => CHW,
  CLF: () => CLF,
  CLP: () => CLP,
  CNY: () => CNY,
  COP: () => COP,
  COU: () => COU,
  CRC: () => CRC,
  CUP: () => CUP,
  CVE: () => CVE,
  CZK: () => CZK,
  DJF: () => DJF,
  DKK: () => DKK,
  DOP: () => DOP,
  DZD: () => DZD,
  EGP: () => EGP,
  ERN: () => ERN,
  ETB: () => ETB,
  EUR: () => EUR,
  FJD: () => FJD,
  FKP: () => FKP,
  GBP: () => GBP,
  GEL: () => GEL,
  GHS: () => GHS,
  GIP: () => GIP,
  GMD: () => GMD,
  GNF: () => GNF,
  GTQ: () => GTQ,
  GYD: () => GYD,
  HKD: () => HKD,
  HNL: () => HNL,
  HTG: () => HTG,
  HUF: () => HUF,
  IDR: () => IDR,
  ILS: () => ILS,
  INR: () => INR,
  IQD: () => IQD,
  IRR: () => IRR,
  ISK: () => ISK,
  JMD: () => JMD,
  JOD: () => JOD,
  JPY: () => JPY,
  KES: () => KES,
  KGS: () => KGS,
  KHR: () => KHR,
  KMF: () => KMF,
  KPW: () => KPW,
  KRW: () => KRW,
  KWD: () => KWD,
  KYD: () => KYD,
  KZT: () => KZT,
  LAK: () => LAK,
  LBP: () => LBP,
  LKR: () => LKR,
  LRD: () => LRD,
  LSL: () => LSL,
  LYD: () => LYD,
  MAD: () => MAD,
  MDL: () => MDL,
  MGA: () => MGA,
  MKD: () => MKD,
  MMK: () => MMK,
  MNT: () => MNT,
  MOP: () => MOP,
  MRU: () => MRU,
  MUR: () => MUR,
  MVR: () => MVR,
  MWK: () => MWK,
  MXN: () => MXN,
  MXV: () => MXV,
  MYR: () => MYR,
  MZN: () => MZN,
  NAD: () => NAD,
  NGN: () => NGN,
  NIO: () => NIO,
  NOK: () => NOK,
  NPR: () => NPR,
  NZD: () => NZD,
  OMR: () => OMR,
  PAB: () => PAB,
  PEN: () => PEN,
  PGK: () => PGK,
  PHP: () => PHP,
  PKR: () => PKR,
  PLN: () => PLN,
  PYG: () => PYG,
  QAR: () => QAR,
  RON: () => RON,
  RSD: () => RSD,
  RUB: () => RUB,
  RWF: () => RWF,
  SAR: () => SAR,
  SBD: () => SBD,
  SCR: () => SCR,
  SDG: () => SDG,
  SEK: () => SEK,
  SGD: () => SGD,
  SHP: () => SHP,
  SLE: () => SLE,
  SOS: () => SOS,
  SRD: () => SRD,
  SSP: () => SSP,
  STN: () => STN,
  SVC: () => SVC,
  SYP: () => SYP,
  SZL: () => SZL,
  THB: () => THB,
  TJS: () => TJS,
  TMT: () => TMT,
  TND: () => TND,
  TOP: () => TOP,
  TRY: () => TRY,
  TTD: () => TTD,
  TWD: () => TWD,
  TZS: () => TZS,
  UAH: () => UAH,
  UGX: () => UGX,
  USD: () => USD,
  USN: () => USN,
  UYI: () => UYI,
  UYU: () => UYU,
  UYW: () => UYW,
  UZS: () => UZS,
  VED: () => VED,
  VES: () => VES,
  VND: () => VND,
  VUV: () => VUV,
  WST: () => WST,
  XAD: () => XAD,
  XAF: () => XAF,
  XCD: () => XCD,
  XCG: () => XCG,
  XOF: () => XOF,
  XPF: () => XPF,
  YER: () => YER,
  ZAR: () => ZAR,
  ZMW: () => ZMW,
  ZWG: () => ZWG
});
var AED = {
  code: "AED",
  base: 10,
  exponent: 2
};
var AFN = {
  code: "AFN",
  base: 10,
  exponent: 2
};
var ALL = {
  code: "ALL",
  base: 10,
  exponent: 2
};
var AMD = {
  code: "AMD",
  base: 10,
  exponent: 2
};
var AOA = {
  code: "AOA",
  base: 10,
  exponent: 2
};
var ARS = {
  code: "ARS",
  base: 10,
  exponent: 2
};
var AUD = {
  code: "AUD",
  base: 10,
  exponent: 2
};
var AWG = {
  code: "AWG",
  base: 10,
  exponent: 2
};
var AZN = {
  code: "AZN",
  base: 10,
  exponent: 2
};
var BAM = {
  code: "BAM",
  base: 10,
  exponent: 2
};
var BBD = {
  code: "BBD",
  base: 10,
  exponent: 2
};
var BDT = {
  code: "BDT",
  base: 10,
  exponent: 2
};
var BGN = {
  code: "BGN",
  base: 10,
  exponent: 2
};
var BHD = {
  code: "BHD",
  base: 10,
  exponent: 3
};
var BIF = {
  code: "BIF",
  base: 10,
  exponent: 0
};
var BMD = {
  code: "BMD",
  base: 10,
  exponent: 2
};
var BND = {
  code: "BND",
  base: 10,
  exponent: 2
};
var BOB = {
  code: "BOB",
  base: 10,
  exponent: 2
};
var BOV = {
  code: "BOV",
  base: 10,
  exponent: 2
};
var BRL = {
  code: "BRL",
  base: 10,
  exponent: 2
};
var BSD = {
  code: "BSD",
  base: 10,
  exponent: 2
};
var BTN = {
  code: "BTN",
  base: 10,
  exponent: 2
};
var BWP = {
  code: "BWP",
  base: 10,
  exponent: 2
};
var BYN = {
  code: "BYN",
  base: 10,
  exponent: 2
};
var BZD = {
  code: "BZD",
  base: 10,
  exponent: 2
};
var CAD = {
  code: "CAD",
  base: 10,
  exponent: 2
};
var CDF = {
  code: "CDF",
  base: 10,
  exponent: 2
};
var CHE = {
  code: "CHE",
  base: 10,
  exponent: 2
};
var CHF = {
  code: "CHF",
  base: 10,
  exponent: 2
};
var CHW = {
  code: "CHW",
  base: 10,
  exponent: 2
};
var CLF = {
  code: "CLF",
  base: 10,
  exponent: 4
};
var CLP = {
  code: "CLP",
  base: 10,
  exponent: 0
};
var CNY = {
  code: "CNY",
  base: 10,
  exponent: 2
};
var COP = {
  code: "COP",
  base: 10,
  exponent: 2
};
var COU = {
  code: "COU",
  base: 10,
  exponent: 2
};
var CRC = {
  code: "CRC",
  base: 10,
  exponent: 2
};
var CUP = {
  code: "CUP",
  base: 10,
  exponent: 2
};
var CVE = {
  code: "CVE",
  base: 10,
  exponent: 2
};
var CZK = {
  code: "CZK",
  base: 10,
  exponent: 2
};
var DJF = {
  code: "DJF",
  base: 10,
  exponent: 0
};
var DKK = {
  code: "DKK",
  base: 10,
  exponent: 2
};
var DOP = {
  code: "DOP",
  base: 10,
  exponent: 2
};
var DZD = {
  code: "DZD",
  base: 10,
  exponent: 2
};
var EGP = {
  code: "EGP",
  base: 10,
  exponent: 2
};
var ERN = {
  code: "ERN",
  base: 10,
  exponent: 2
};
var ETB = {
  code: "ETB",
  base: 10,
  exponent: 2
};
var EUR = {
  code: "EUR",
  base: 10,
  exponent: 2
};
var FJD = {
  code: "FJD",
  base: 10,
  exponent: 2
};
var FKP = {
  code: "FKP",
  base: 10,
  exponent: 2
};
var GBP = {
  code: "GBP",
  base: 10,
  exponent: 2
};
var GEL = {
  code: "GEL",
  base: 10,
  exponent: 2
};
var GHS = {
  code: "GHS",
  base: 10,
  exponent: 2
};
var GIP = {
  code: "GIP",
  base: 10,
  exponent: 2
};
var GMD = {
  code: "GMD",
  base: 10,
  exponent: 2
};
var GNF = {
  code: "GNF",
  base: 10,
  exponent: 0
};
var GTQ = {
  code: "GTQ",
  base: 10,
  exponent: 2
};
var GYD = {
  code: "GYD",
  base: 10,
  exponent: 2
};
var HKD = {
  code: "HKD",
  base: 10,
  exponent: 2
};
var HNL = {
  code: "HNL",
  base: 10,
  exponent: 2
};
var HTG = {
  code: "HTG",
  base: 10,
  exponent: 2
};
var HUF = {
  code: "HUF",
  base: 10,
  exponent: 2
};
var IDR = {
  code: "IDR",
  base: 10,
  exponent: 2
};
var ILS = {
  code: "ILS",
  base: 10,
  exponent: 2
};
var INR = {
  code: "INR",
  base: 10,
  exponent: 2
};
var IQD = {
  code: "IQD",
  base: 10,
  exponent: 3
};
var IRR = {
  code: "IRR",
  base: 10,
  exponent: 2
};
var ISK = {
  code: "ISK",
  base: 10,
  exponent: 0
};
var JMD = {
  code: "JMD",
  base: 10,
  exponent: 2
};
var JOD = {
  code: "JOD",
  base: 10,
  exponent: 3
};
var JPY = {
  code: "JPY",
  base: 10,
  exponent: 0
};
var KES = {
  code: "KES",
  base: 10,
  exponent: 2
};
var KGS = {
  code: "KGS",
  base: 10,
  exponent: 2
};
var KHR = {
  code: "KHR",
  base: 10,
  exponent: 2
};
var KMF = {
  code: "KMF",
  base: 10,
  exponent: 0
};
var KPW = {
  code: "KPW",
  base: 10,
  exponent: 2
};
var KRW = {
  code: "KRW",
  base: 10,
  exponent: 0
};
var KWD = {
  code: "KWD",
  base: 10,
  exponent: 3
};
var KYD = {
  code: "KYD",
  base: 10,
  exponent: 2
};
var KZT = {
  code: "KZT",
  base: 10,
  exponent: 2
};
var LAK = {
  code: "LAK",
  base: 10,
  exponent: 2
};
var LBP = {
  code: "LBP",
  base: 10,
  exponent: 2
};
var LKR = {
  code: "LKR",
  base: 10,
  exponent: 2
};
var LRD = {
  code: "LRD",
  base: 10,
  exponent: 2
};
var LSL = {
  code: "LSL",
  base: 10,
  exponent: 2
};
var LYD = {
  code: "LYD",
  base: 10,
  exponent: 3
};
var MAD = {
  code: "MAD",
  base: 10,
  exponent: 2
};
var MDL = {
  code: "MDL",
  base: 10,
  exponent: 2
};
var MGA = {
  code: "MGA",
  base: 5,
  exponent: 1
};
var MKD = {
  code: "MKD",
  base: 10,
  exponent: 2
};
var MMK = {
  code: "MMK",
  base: 10,
  exponent: 2
};
var MNT = {
  code: "MNT",
  base: 10,
  exponent: 2
};
var MOP = {
  code: "MOP",
  base: 10,
  exponent: 2
};
var MRU = {
  code: "MRU",
  base: 5,
  exponent: 1
};
var MUR = {
  code: "MUR",
  base: 10,
  exponent: 2
};
var MVR = {
  code: "MVR",
  base: 10,
  exponent: 2
};
var MWK = {
  code: "MWK",
  base: 10,
  exponent: 2
};
var MXN = {
  code: "MXN",
  base: 10,
  exponent: 2
};
var MXV = {
  code: "MXV",
  base: 10,
  exponent: 2
};
var MYR = {
  code: "MYR",
  base: 10,
  exponent: 2
};
var MZN = {
  code: "MZN",
  base: 10,
  exponent: 2
};
var NAD = {
  code: "NAD",
  base: 10,
  exponent: 2
};
var NGN = {
  code: "NGN",
  base: 10,
  exponent: 2
};
var NIO = {
  code: "NIO",
  base: 10,
  exponent: 2
};
var NOK = {
  code: "NOK",
  base: 10,
  exponent: 2
};
var NPR = {
  code: "NPR",
  base: 10,
  exponent: 2
};
var NZD = {
  code: "NZD",
  base: 10,
  exponent: 2
};
var OMR = {
  code: "OMR",
  base: 10,
  exponent: 3
};
var PAB = {
  code: "PAB",
  base: 10,
  exponent: 2
};
var PEN = {
  code: "PEN",
  base: 10,
  exponent: 2
};
var PGK = {
  code: "PGK",
  base: 10,
  exponent: 2
};
var PHP = {
  code: "PHP",
  base: 10,
  exponent: 2
};
var PKR = {
  code: "PKR",
  base: 10,
  exponent: 2
};
var PLN = {
  code: "PLN",
  base: 10,
  exponent: 2
};
var PYG = {
  code: "PYG",
  base: 10,
  exponent: 0
};
var QAR = {
  code: "QAR",
  base: 10,
  exponent: 2
};
var RON = {
  code: "RON",
  base: 10,
  exponent: 2
};
var RSD = {
  code: "RSD",
  base: 10,
  exponent: 2
};
var RUB = {
  code: "RUB",
  base: 10,
  exponent: 2
};
var RWF = {
  code: "RWF",
  base: 10,
  exponent: 0
};
var SAR = {
  code: "SAR",
  base: 10,
  exponent: 2
};
var SBD = {
  code: "SBD",
  base: 10,
  exponent: 2
};
var SCR = {
  code: "SCR",
  base: 10,
  exponent: 2
};
var SDG = {
  code: "SDG",
  base: 10,
  exponent: 2
};
var SEK = {
  code: "SEK",
  base: 10,
  exponent: 2
};
var SGD = {
  code: "SGD",
  base: 10,
  exponent: 2
};
var SHP = {
  code: "SHP",
  base: 10,
  exponent: 2
};
var SLE = {
  code: "SLE",
  base: 10,
  exponent: 2
};
var SOS = {
  code: "SOS",
  base: 10,
  exponent: 2
};
var SRD = {
  code: "SRD",
  base: 10,
  exponent: 2
};
var SSP = {
  code: "SSP",
  base: 10,
  exponent: 2
};
var STN = {
  code: "STN",
  base: 10,
  exponent: 2
};
var SVC = {
  code: "SVC",
  base: 10,
  exponent: 2
};
var SYP = {
  code: "SYP",
  base: 10,
  exponent: 2
};
var SZL = {
  code: "SZL",
  base: 10,
  exponent: 2
};
var THB = {
  code: "THB",
  base: 10,
  exponent: 2
};
var TJS = {
  code: "TJS",
  base: 10,
  exponent: 2
};
var TMT = {
  code: "TMT",
  base: 10,
  exponent: 2
};
var TND = {
  code: "TND",
  base: 10,
  exponent: 3
};
var TOP = {
  code: "TOP",
  base: 10,
  exponent: 2
};
var TRY = {
  code: "TRY",
  base: 10,
  exponent: 2
};
var TTD = {
  code: "TTD",
  base: 10,
  exponent: 2
};
var TWD = {
  code: "TWD",
  base: 10,
  exponent: 2
};
var TZS = {
  code: "TZS",
  base: 10,
  exponent: 2
};
var UAH = {
  code: "UAH",
  base: 10,
  exponent: 2
};
var UGX = {
  code: "UGX",
  base: 10,
  exponent: 0
};
var USD = {
  code: "USD",
  base: 10,
  exponent: 2
};
var USN = {
  code: "USN",
  base: 10,
  exponent: 2
};
var UYI = {
  code: "UYI",
  base: 10,
  exponent: 0
};
var UYU = {
  code: "UYU",
  base: 10,
  exponent: 2
};
var UYW = {
  code: "UYW",
  base: 10,
  exponent: 4
};
var UZS = {
  code: "UZS",
  base: 10,
  exponent: 2
};
var VED = {
  code: "VED",
  base: 10,
  exponent: 2
};
var VES = {
  code: "VES",
  base: 10,
  exponent: 2
};
var VND = {
  code: "VND",
  base: 10,
  exponent: 0
};
var VUV = {
  code: "VUV",
  base: 10,
  exponent: 0
};
var WST = {
  code: "WST",
  base: 10,
  exponent: 2
};
var XAD = {
  code: "XAD",
  base: 10,
  exponent: 2
};
var XAF = {
  code: "XAF",
  base: 10,
  exponent: 0
};
var XCD = {
  code: "XCD",
  base: 10,
  exponent: 2
};
var XCG = {
  code: "XCG",
  base: 10,
  exponent: 2
};
var XOF = {
  code: "XOF",
  base: 10,
  exponent: 0
};
var XPF = {
  code: "XPF",
  base: 10,
  exponent: 0
};
var YER = {
  code: "YER",
  base: 10,
  exponent: 2
};
var ZAR = {
  code: "ZAR",
  base: 10,
  exponent: 2
};
var ZMW = {
  code: "ZMW",
  base: 10,
  exponent: 2
};
var ZWG = {
  code: "ZWG",
  base: 10,
  exponent: 2
};

// src/money/currency.ts
var EXPONENTS = new Map(
  Object.values(currencies_exports).filter((c) => typeof c === "object" && c !== null && typeof c.code === "string" && c.base === 10).map((c) => [c.code, c.exponent])
);
function isCurrency(code) {
  return typeof code === "string" && EXPONENTS.has(code);
}
function currencyExponent(code) {
  const e = EXPONENTS.get(code);
  if (e === void 0) throw new MoneyError("unknown_currency", `unknown currency: ${JSON.stringify(code)}`);
  return e;
}

// src/issues.ts
var MESSAGES = {
  // structural (400 / store errors)
  invalid_type: (p) => `expected ${p.expected ?? "a valid value"}`,
  required: () => "is required",
  invalid_value: (p) => `is not a valid value${p.detail ? `: ${p.detail}` : ""}`,
  invalid_quantity: () => "quantity must be a positive integer",
  invalid_amount: () => "must be a non-negative integer amount in minor units",
  invalid_rate: (p) => `is not a valid decimal rate${p.detail ? `: ${p.detail}` : ""}`,
  invalid_date: () => "is not a valid ISO 8601 date",
  invalid_currency: () => "is not an ISO 4217 currency code",
  invalid_option: (p) => `is not a valid option${p.detail ? `: ${p.detail}` : ""}`,
  amount_overflow: (p) => `an amount here would leave the safe-integer range (\xB19007199254740991 minor units)${p.detail ? `: ${p.detail}` : ""}`,
  too_many_lines: (p) => `at most ${p.max} product lines are allowed`,
  too_many_items: (p) => `at most ${p.max} entries are allowed here`,
  string_too_long: (p) => `strings are limited to ${p.max} characters`,
  duplicate_id: (p) => `duplicate id ${JSON.stringify(p.id)}`,
  customer_required: () => "one of customer or new_customer is required",
  no_products: () => "no product line could be accepted",
  currency_not_enabled: (p) => `currency ${p.currency} is not enabled on this account`,
  unknown_product: (p) => `no product with id ${JSON.stringify(p.id)}`,
  unknown_variant: (p) => `no variant with id ${JSON.stringify(p.id)}`,
  unknown_pack: (p) => `no pack with id ${JSON.stringify(p.id)}`,
  unknown_address: (p) => `no address with id ${JSON.stringify(p.id)} for this customer`,
  unknown_exchange_rate: (p) => `no exchange rate for ${p.currency}`,
  invalid_store: () => "expected a store made by createStore(config)",
  compound_inclusive: () => "a compound rate cannot apply to a tax-inclusive product",
  // line rejections (warnings; 400 with strict)
  variant_required: () => "this product has variants: pass a variant id",
  not_buyable: () => "this product is not buyable",
  not_released: () => "this product is not released yet",
  expired: () => "this product has expired",
  country_not_allowed: (p) => `this product cannot be sold to ${p.country}`,
  below_min_units: (p) => `at least ${p.min} units of this product are required`,
  above_max_units: (p) => `at most ${p.max} units of this product are allowed`,
  insufficient_stock: (p) => `only ${p.stock} units in stock`,
  pack_multiple_not_allowed: () => "this pack cannot be bought more than once per order",
  currency_not_supported: (p) => `this product has no price in ${p.currency}`,
  // coupons and discounts (warnings)
  unknown_coupon: (p) => `no coupon ${JSON.stringify(p.code)}`,
  coupon_expired: () => "this coupon has expired",
  coupon_not_started: () => "this coupon is not valid yet",
  coupon_min_subtotal: (p) => `this coupon needs a subtotal of at least ${p.min}`,
  coupon_currency: (p) => `this coupon is not valid in ${p.currency}`,
  coupon_not_combinable: () => "this coupon cannot be combined with other discounts",
  coupon_no_eligible_products: () => "no product in the cart is eligible for this coupon",
  coupon_duplicate: () => "this coupon was already applied",
  discounts_disabled: () => "discounts are disabled for this transaction (no_discounts)",
  payment_method_discount_skipped: () => "this discount needs a payment method; pass options.payment_method to apply it",
  payment_method_not_allowed: () => "this discount is not valid for the selected payment method",
  // informational warnings
  shipping_method_unavailable: (p) => `shipping method ${JSON.stringify(p.id)} is not available for this order; the default was used`,
  no_shipping_method: () => "no shipping method is available for this order",
  customer_country_unknown: () => "the customer's country is unknown; the account's country was used",
  reverse_charge: () => "reverse charge: VAT is not charged to this verified EU business customer",
  tax_exempt: () => "the customer is tax exempt: no taxes were charged"
};
function issue(code, path, params = {}) {
  return { code, path, message: MESSAGES[code](params) };
}
var ISSUE_CODES = Object.keys(MESSAGES);
var REJECTION_CODES = /* @__PURE__ */ new Set([
  "variant_required",
  "not_buyable",
  "not_released",
  "expired",
  "country_not_allowed",
  "below_min_units",
  "above_max_units",
  "insufficient_stock",
  "pack_multiple_not_allowed",
  "currency_not_supported",
  "unknown_coupon",
  "coupon_expired",
  "coupon_not_started",
  "coupon_min_subtotal",
  "coupon_currency",
  "coupon_not_combinable",
  "coupon_no_eligible_products",
  "coupon_duplicate",
  "payment_method_not_allowed"
]);
function joinPath(base, key) {
  if (typeof key === "number") return `${base}[${key}]`;
  if (isIdentifier(key)) return base === "" ? key : `${base}.${key}`;
  return `${base}[${JSON.stringify(key)}]`;
}
function isIdentifier(key) {
  if (key.length === 0) return false;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    const letter = c >= 65 && c <= 90 || c >= 97 && c <= 122 || c === 95 || c === 36;
    if (!letter && (i === 0 || c < 48 || c > 57)) return false;
  }
  return true;
}
var IssueError = class extends Error {
  constructor(i) {
    super(`${i.path}: ${i.message}`);
    this.name = "IssueError";
    this.issue = i;
  }
};
function atPath(path, f) {
  try {
    return f();
  } catch (e) {
    return rethrowAt(e, path);
  }
}
function rethrowAt(e, path) {
  if (!(e instanceof MoneyError)) throw e;
  const overflow = e.code === "amount_overflow" || e.code === "invalid_weights" && /safe/.test(e.message);
  throw new IssueError(issue(overflow ? "amount_overflow" : "invalid_value", path, { detail: e.message }));
}

// src/input/read.ts
var LIMITS = {
  /** Longest string accepted anywhere (ids, names, codes, labels, echoed customer fields): `string_too_long`. */
  maxString: 1e4,
  /** Most entries in a store list (products, customers, tax rates, methods, coupons, plans): `too_many_items`. */
  maxList: 1e6,
  /** Most entries in a product's own lists (variants, packs, pricing_model, stock_breakdown, a pack's variants): `too_many_items`. */
  maxPerProduct: 1e4,
  /** Most keys in a map (per-currency amounts, `languages`, exchange rates): `too_many_items`. */
  maxMapEntries: 1e3,
  /** Most scalar fields echoed from one customer or address object: `too_many_items`. */
  maxFields: 1e3,
  /**
   * The highest `account.max_lines` a store may set (the request's `products` cap; default 20):
   * `invalid_value`. 10 000 lines is the largest cart the benchmarks price (issue 8); with 50
   * coupons it takes about 1.3 s, most of it building the 500 000 line-discount entries of the output.
   */
  maxLines: 1e4,
  /** Most coupons in one request: `too_many_items`. */
  maxCoupons: 50,
  /** Most nShift add-ons in one request: `too_many_items`. */
  maxAddons: 100,
  /** Most tax rates with the same jurisdiction: `too_many_items`. */
  maxRatesPerJurisdiction: 100,
  /** Most instalments in a plan: `invalid_value`. */
  maxInstalments: 1e3,
  /** The furthest an instalment schedule may reach, in days (≈ 100 years; week/month cycles are converted): `invalid_value`. */
  maxScheduleDays: 36525
};
function isObject(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
var hasOwn = Object.prototype.hasOwnProperty;
function own(o, key) {
  return hasOwn.call(o, key) ? o[key] : void 0;
}
function missing(v) {
  return v === void 0 || v === null;
}
var Reader = class {
  constructor() {
    this.issues = [];
  }
  add(code, path, params = {}) {
    this.issues.push(issue(code, path, params));
  }
  object(o, key, path, required = false) {
    const v = own(o, key);
    if (missing(v)) {
      if (required) this.add("required", joinPath(path, key));
      return void 0;
    }
    if (!isObject(v)) {
      this.add("invalid_type", joinPath(path, key), { expected: "an object" });
      return void 0;
    }
    return v;
  }
  array(o, key, path, required = false, max = LIMITS.maxList) {
    const v = own(o, key);
    if (missing(v)) {
      if (required) this.add("required", joinPath(path, key));
      return void 0;
    }
    if (!Array.isArray(v)) {
      this.add("invalid_type", joinPath(path, key), { expected: "an array" });
      return void 0;
    }
    if (v.length > max) {
      this.add("too_many_items", joinPath(path, key), { max });
      return void 0;
    }
    return v;
  }
  string(o, key, path, required = false) {
    const v = own(o, key);
    if (missing(v)) {
      if (required) this.add("required", joinPath(path, key));
      return void 0;
    }
    if (typeof v !== "string") {
      this.add("invalid_type", joinPath(path, key), { expected: "a string" });
      return void 0;
    }
    if (v.length > LIMITS.maxString) {
      this.add("string_too_long", joinPath(path, key), { max: LIMITS.maxString });
      return void 0;
    }
    return v;
  }
  /** An id: a non-empty string (numbers are accepted and turned into strings; ids are opaque). */
  id(o, key, path, required = false) {
    const v = own(o, key);
    if (typeof v === "number" && Number.isSafeInteger(v)) return String(v);
    const s = this.string(o, key, path, required);
    if (s !== void 0 && s.length === 0) {
      this.add("invalid_value", joinPath(path, key), { detail: "empty id" });
      return void 0;
    }
    return s;
  }
  /**
   * Bounds an object whose scalar fields are echoed into the output (a customer, an address): at
   * most {@link LIMITS.maxFields} keys and no string longer than {@link LIMITS.maxString}. Returns
   * whether it is within them (when not, the caller copies nothing from it).
   */
  echoed(o, path) {
    const keys = Object.keys(o);
    if (keys.length > LIMITS.maxFields) {
      this.add("too_many_items", path, { max: LIMITS.maxFields });
      return false;
    }
    let ok = true;
    for (const k of keys) {
      const v = o[k];
      if (typeof v === "string" && v.length > LIMITS.maxString) {
        this.add("string_too_long", joinPath(path, k), { max: LIMITS.maxString });
        ok = false;
      }
    }
    return ok;
  }
  boolean(o, key, path) {
    const v = own(o, key);
    if (missing(v)) return void 0;
    if (typeof v !== "boolean") {
      this.add("invalid_type", joinPath(path, key), { expected: "true or false" });
      return void 0;
    }
    return v;
  }
  /** A non-negative safe integer amount in minor units (or a count). */
  amount(o, key, path, required = false, code = "invalid_amount") {
    const v = own(o, key);
    if (missing(v)) {
      if (required) this.add("required", joinPath(path, key));
      return void 0;
    }
    if (typeof v === "number" && v >= 0 && Number.isSafeInteger(v)) return v === 0 ? 0 : v;
    return this.amountValue(v, joinPath(path, key), code);
  }
  amountValue(v, p, code = "invalid_amount") {
    if (typeof v !== "number" || !Number.isFinite(v)) {
      this.add(code === "invalid_amount" ? "invalid_type" : code, p, { expected: "an integer" });
      return void 0;
    }
    if (Number.isInteger(v) && v > 0 && !Number.isSafeInteger(v)) {
      this.add("amount_overflow", p);
      return void 0;
    }
    if (!Number.isInteger(v) || v < 0) {
      this.add(code, p);
      return void 0;
    }
    return v === 0 ? 0 : v;
  }
  /** A signed safe integer (price deltas). */
  signedAmount(o, key, path) {
    const v = own(o, key);
    if (missing(v)) return void 0;
    if (typeof v !== "number" || !Number.isInteger(v)) {
      this.add("invalid_type", joinPath(path, key), { expected: "an integer" });
      return void 0;
    }
    if (!Number.isSafeInteger(v)) {
      this.add("amount_overflow", joinPath(path, key));
      return void 0;
    }
    return v === 0 ? 0 : v;
  }
  /** An exact decimal (`"19"`, `7.7`) parsed once into a rational. */
  decimal(o, key, path, opts = {}) {
    const v = own(o, key);
    if (missing(v)) {
      if (opts.required === true) this.add("required", joinPath(path, key));
      return void 0;
    }
    try {
      return opts.percent === true ? parsePercent(v, opts) : parseDecimal(v, opts);
    } catch (e) {
      if (e instanceof MoneyError) {
        this.add("invalid_rate", joinPath(path, key), { detail: e.message });
        return void 0;
      }
      throw e;
    }
  }
  /**
   * A percentage (`"19"`, `12.34`): the fraction it multiplies by (19/100) and the percentage as
   * the JSON number the output shows (19). Negative percentages are rejected.
   */
  percent(o, key, path, required = false) {
    const dec = this.decimal(o, key, path, { required });
    if (dec === void 0) return void 0;
    try {
      return { fraction: rational(dec.num, BigInt(dec.den) * 100n), number: rationalToNumber(dec) };
    } catch (e) {
      if (e instanceof MoneyError) {
        this.add("invalid_rate", joinPath(path, key), { detail: e.message });
        return void 0;
      }
      throw e;
    }
  }
  /** An ISO 4217 code, case-insensitive, returned upper-case. */
  currency(o, key, path, required = false) {
    const s = this.string(o, key, path, required);
    if (s === void 0) return void 0;
    return this.currencyValue(s, joinPath(path, key));
  }
  currencyValue(v, p) {
    const up = typeof v === "string" ? v.trim().toUpperCase() : "";
    if (!isCurrency(up)) {
      this.add("invalid_currency", p);
      return void 0;
    }
    return up;
  }
  /** A country code (ISO 3166 alpha-2, or a region such as `US-CA`), returned upper-case. */
  country(o, key, path) {
    const s = this.string(o, key, path);
    if (s === void 0) return void 0;
    const up = s.trim().toUpperCase();
    if (!/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/.test(up)) {
      this.add("invalid_value", joinPath(path, key), { detail: 'expected a country code such as "DE"' });
      return void 0;
    }
    return up;
  }
  /** A list of strings (ids, codes); `null` when absent or null. */
  stringList(o, key, path, upper = false) {
    const a = this.array(o, key, path);
    if (a === void 0) return null;
    const out = [];
    const p = joinPath(path, key);
    for (let i = 0; i < a.length; i++) {
      const v = a[i];
      if (typeof v === "number" && Number.isSafeInteger(v)) out.push(String(v));
      else if (typeof v !== "string" || v.length > LIMITS.maxString) this.add("invalid_type", joinPath(p, i), { expected: "a string" });
      else out.push(upper ? v.trim().toUpperCase() : v);
    }
    return out;
  }
  /**
   * A per-currency map of minor units (`{ "EUR": 5000 }`); `null` when absent. The map is ordered
   * by currency code, not by the object's key order, so nothing that walks it (a conversion from
   * "the first listed currency") depends on how the JSON happened to be written; a currency given
   * twice (`"eur"` and `"EUR"`) is an error rather than a silent last-one-wins.
   */
  currencyAmounts(o, key, path) {
    const m = this.object(o, key, path);
    if (m === void 0) return null;
    const p = joinPath(path, key);
    const keys = Object.keys(m);
    if (keys.length > LIMITS.maxMapEntries) {
      this.add("too_many_items", p, { max: LIMITS.maxMapEntries });
      return null;
    }
    const entries = [];
    const seen = /* @__PURE__ */ new Set();
    for (const k of keys) {
      const cur = this.currencyValue(k, joinPath(p, k));
      const amt = this.amountValue(m[k], joinPath(p, k));
      if (cur === void 0 || amt === void 0) continue;
      if (seen.has(cur)) this.add("invalid_value", joinPath(p, k), { detail: `${cur} is given twice` });
      else {
        seen.add(cur);
        entries.push([cur, amt]);
      }
    }
    entries.sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0);
    return new Map(entries);
  }
  /** An ISO 8601 date-time (or a Unix timestamp in seconds) as epoch milliseconds. */
  date(o, key, path) {
    const v = own(o, key);
    if (missing(v)) return void 0;
    const ms = parseInstant(v);
    if (ms === void 0) this.add("invalid_date", joinPath(path, key));
    return ms;
  }
};
var MIN_INSTANT = -621355968e5;
var MAX_INSTANT = 253402300799999;
function inRange(t) {
  return Number.isFinite(t) && t >= MIN_INSTANT && t <= MAX_INSTANT ? t : void 0;
}
function parseInstant(v) {
  if (v instanceof Date) return inRange(v.getTime());
  if (typeof v === "number") return Number.isFinite(v) && Math.abs(v) < 1e13 ? inRange(v * 1e3) : void 0;
  if (typeof v !== "string" || v.length > 64) return void 0;
  const m = /^(\d{4}-\d{2}-\d{2})(?:[T ]([0-9:.]+)(Z|[+-]\d{2}:?\d{2})?)?$/.exec(v.trim());
  if (m === null) return void 0;
  const t = Date.parse(`${m[1]}T${m[2] ?? "00:00:00"}${m[3] ?? "Z"}`);
  return inRange(t);
}

// src/money/rounding.ts
var Rounding = {
  HalfUp: 0,
  HalfEven: 1,
  HalfDown: 2,
  Up: 3,
  Down: 4,
  Ceil: 5,
  Floor: 6
};
var BY_NAME = {
  half_up: Rounding.HalfUp,
  half_even: Rounding.HalfEven,
  half_down: Rounding.HalfDown,
  up: Rounding.Up,
  down: Rounding.Down,
  ceil: Rounding.Ceil,
  floor: Rounding.Floor
};
var ROUNDING_NAMES = [
  "half_up",
  "half_even",
  "half_down",
  "up",
  "down",
  "ceil",
  "floor"
];
function parseRoundingMode(name) {
  return typeof name === "string" && Object.prototype.hasOwnProperty.call(BY_NAME, name) ? BY_NAME[name] : void 0;
}
var MAX = Number.MAX_SAFE_INTEGER;
function stepsAway(neg, q, twiceR, d, mode) {
  switch (mode) {
    case Rounding.HalfUp:
      return twiceR >= d;
    case Rounding.HalfDown:
      return twiceR > d;
    case Rounding.HalfEven:
      return twiceR > d || twiceR == d && (typeof q === "bigint" ? q % 2n === 1n : q % 2 === 1);
    case Rounding.Up:
      return true;
    case Rounding.Down:
      return false;
    case Rounding.Ceil:
      return !neg;
    default:
      return neg;
  }
}
function checkedResult(v) {
  if (!Number.isSafeInteger(v)) throw new MoneyError("amount_overflow", `rounded result outside the safe-integer range: ${v}`);
  return v === 0 ? 0 : v;
}
function notInteger(...xs) {
  return new MoneyError("invalid_amount", `not an integer: ${xs.map(String).join(", ")}`);
}
function roundDivBig(n, d, mode) {
  if (d === 0n) throw new MoneyError("invalid_rate", "division by zero");
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const neg = n < 0n;
  const a = neg ? -n : n;
  let q = a / d;
  const r = a - q * d;
  if (r !== 0n && stepsAway(neg, q, 2n * r, d, mode)) q += 1n;
  if (q > BigInt(MAX)) throw new MoneyError("amount_overflow", `rounded result outside the safe-integer range: ${neg ? "-" : ""}${q}`);
  return checkedResult(neg ? -Number(q) : Number(q));
}
function roundDiv(n, d, mode) {
  if (typeof n === "bigint" || typeof d === "bigint") return roundDivBig(BigInt(n), BigInt(d), mode);
  if (d === 0) throw new MoneyError("invalid_rate", "division by zero");
  if (!Number.isSafeInteger(n) || !Number.isSafeInteger(d)) {
    if (!Number.isInteger(n) || !Number.isInteger(d)) throw notInteger(n, d);
    return roundDivBig(BigInt(n), BigInt(d), mode);
  }
  if (d < 0) {
    n = -n;
    d = -d;
  }
  const neg = n < 0;
  const a = neg ? -n : n;
  const r = a <= 2147483647 && d <= 2147483647 ? (a | 0) % (d | 0) : a % d;
  let q = (a - r) / d;
  if (r !== 0 && stepsAway(neg, q, 2 * r, d, mode)) q += 1;
  return checkedResult(neg ? -q : q);
}
function mulDivRound(a, b, d, mode) {
  if (!Number.isInteger(a) || !Number.isInteger(b) || !Number.isInteger(d)) throw notInteger(a, b, d);
  const p = a * b;
  if (p <= MAX && p >= -MAX) return roundDiv(p, d, mode);
  return roundDivBig(BigInt(a) * BigInt(b), BigInt(d), mode);
}

// src/eu.ts
var EU_MEMBERS = [
  "AT",
  "BE",
  "BG",
  "HR",
  "CY",
  "CZ",
  "DK",
  "EE",
  "FI",
  "FR",
  "DE",
  "GR",
  "HU",
  "IE",
  "IT",
  "LV",
  "LT",
  "LU",
  "MT",
  "NL",
  "PL",
  "PT",
  "RO",
  "SK",
  "SI",
  "ES",
  "SE"
];
var MEMBERS = new Set(EU_MEMBERS);
function normalizeCountry(code) {
  if (code.length === 2) {
    const a = code.charCodeAt(0);
    const b = code.charCodeAt(1);
    if (a >= 65 && a <= 90 && b >= 65 && b <= 90 && !(a === 69 && b === 76)) return code;
  }
  const c = code.trim().toUpperCase().replace(/\s+/g, " ");
  return c.startsWith("EL") && (c.length === 2 || c[2] === "-") ? `GR${c.slice(2)}` : c;
}
function canonicalCountry(code) {
  return normalizeCountry(code).slice(0, 2);
}
function isEu(country, goods) {
  const c = canonicalCountry(country);
  return MEMBERS.has(c) || goods && c === "XI";
}

// src/store/model.ts
var TaxLevel = { Line: 0, Unit: 1, Total: 2 };
var ShippingTax = { Proportional: 0, Highest: 1, Lowest: 2, None: 3 };

// src/store/account.ts
var TAX_LEVELS = { line: TaxLevel.Line, unit: TaxLevel.Unit, total: TaxLevel.Total };
var SHIPPING_TAX = {
  proportional: ShippingTax.Proportional,
  highest: ShippingTax.Highest,
  lowest: ShippingTax.Lowest,
  none: ShippingTax.None
};
function pick(r, o, key, path, table, fallback) {
  const v = own(o, key);
  if (v === void 0 || v === null) return fallback;
  if (typeof v === "string" && Object.prototype.hasOwnProperty.call(table, v)) return table[v];
  r.add("invalid_option", joinPath(path, key), { detail: `one of ${Object.keys(table).join(", ")}` });
  return fallback;
}
var ROUNDING_TABLE = {
  half_up: Rounding.HalfUp,
  half_even: Rounding.HalfEven,
  half_down: Rounding.HalfDown,
  up: Rounding.Up,
  down: Rounding.Down,
  ceil: Rounding.Ceil,
  floor: Rounding.Floor
};
function readPolicies(r, o, path, base) {
  const roundingRaw = own(o, "rounding");
  let rounding = base.rounding;
  if (roundingRaw !== void 0 && roundingRaw !== null) {
    const m = parseRoundingMode(roundingRaw);
    if (m === void 0) r.add("invalid_option", joinPath(path, "rounding"), { detail: `one of ${Object.keys(ROUNDING_TABLE).join(", ")}` });
    else rounding = m;
  }
  return {
    rounding,
    taxLevel: pick(r, o, "tax_rounding", path, TAX_LEVELS, base.taxLevel),
    shippingTax: pick(r, o, "shipping_tax", path, SHIPPING_TAX, base.shippingTax),
    inclusiveTarget: pick(r, o, "inclusive_rounding", path, { net: "net", tax: "tax" }, base.inclusiveTarget),
    keepNet: pick(r, o, "inclusive_cross_border", path, { keep_gross: false, keep_net: true }, base.keepNet),
    instalmentExact: pick(r, o, "instalment_rounding", path, { tamio: false, exact: true }, base.instalmentExact)
  };
}
var DEFAULT_POLICIES = {
  rounding: Rounding.HalfUp,
  taxLevel: TaxLevel.Line,
  shippingTax: ShippingTax.Proportional,
  inclusiveTarget: "net",
  keepNet: false,
  instalmentExact: false
};
function readPaymentMethod(r, v, p) {
  if (typeof v === "string") {
    if (v.length === 0) {
      r.add("invalid_value", p, { detail: "empty payment method id" });
      return void 0;
    }
    return { id: v, currencies: null, countries: null, minTotal: null, maxTotal: null };
  }
  if (typeof v !== "object" || v === null || Array.isArray(v)) {
    r.add("invalid_type", p, { expected: "a payment method id or object" });
    return void 0;
  }
  const o = v;
  const id = r.id(o, "id", p, true);
  const currencies = r.stringList(o, "currencies", p, true);
  const countries = r.stringList(o, "countries", p, true);
  const minTotal = r.currencyAmounts(o, "min_total", p);
  const maxTotal = r.currencyAmounts(o, "max_total", p);
  if (id === void 0) return void 0;
  return {
    id,
    currencies: currencies === null ? null : new Set(currencies),
    countries: countries === null ? null : new Set(countries.map(normalizeCountry)),
    minTotal,
    maxTotal
  };
}
function readAccount(r, o, path) {
  const baseCurrency = r.currency(o, "base_currency", path, true);
  const country = r.country(o, "country", path);
  if (country === void 0 && (own(o, "country") === void 0 || own(o, "country") === null)) r.add("required", joinPath(path, "country"));
  const curList = r.array(o, "currencies", path);
  const currencies = [];
  if (curList !== void 0) {
    curList.forEach((c, i) => {
      const code = r.currencyValue(c, joinPath(joinPath(path, "currencies"), i));
      if (code !== void 0 && !currencies.includes(code)) currencies.push(code);
    });
  }
  if (baseCurrency !== void 0 && currencies.length === 0) currencies.push(baseCurrency);
  const pm = r.array(o, "payment_methods", path) ?? [];
  const paymentMethods = [];
  pm.forEach((v, i) => {
    const m = readPaymentMethod(r, v, joinPath(joinPath(path, "payment_methods"), i));
    if (m !== void 0) paymentMethods.push(m);
  });
  let maxLines = r.amount(o, "max_lines", path) ?? 20;
  if (maxLines < 1) {
    r.add("invalid_value", joinPath(path, "max_lines"), { detail: "at least 1" });
    maxLines = 20;
  } else if (maxLines > LIMITS.maxLines) {
    r.add("invalid_value", joinPath(path, "max_lines"), { detail: `at most ${LIMITS.maxLines}` });
    maxLines = 20;
  }
  const label = r.string(o, "shipping_tax_label", path) ?? "Shipping taxes";
  const policies = readPolicies(r, o, path, DEFAULT_POLICIES);
  const pricesIncludeTax = r.boolean(o, "prices_include_tax", path) ?? false;
  const euOss = r.boolean(o, "eu_oss", path) ?? false;
  if (baseCurrency === void 0 || country === void 0) return void 0;
  return {
    baseCurrency,
    country,
    currencies,
    pricesIncludeTax,
    euOss,
    shippingTaxLabel: label,
    paymentMethods,
    maxLines,
    policies
  };
}

// src/store/customers.ts
var CUSTOMER_CONTROL_KEYS = /* @__PURE__ */ new Set([
  "addresses",
  "default_billing_address_id",
  "default_shipping_address_id",
  "billing_address_id",
  "shipping_address_id",
  "same_shipping_address",
  "billing_information",
  "shipping_information"
]);
function scalarFields(o, skip = CUSTOMER_CONTROL_KEYS) {
  const out = {};
  for (const k of Object.keys(o)) {
    if (skip.has(k) || k === "__proto__") continue;
    const v = o[k];
    if (v === null || typeof v === "string" || typeof v === "boolean" || typeof v === "number" && Number.isFinite(v)) {
      out[k] = v === 0 ? 0 : v;
    }
  }
  return out;
}
var NO_SKIP = /* @__PURE__ */ new Set();
function readAddress(r, o, path) {
  const echo = r.echoed(o, path);
  return {
    id: r.id(o, "id", path) ?? null,
    fields: echo ? scalarFields(o, NO_SKIP) : {},
    country: r.country(o, "country", path) ?? null,
    state: normalizeState(r.string(o, "state", path)),
    isCompany: r.boolean(o, "is_company", path) ?? false,
    vat: r.string(o, "vat", path) ?? null,
    verifiedVat: r.boolean(o, "verified_vat", path) ?? false,
    locale: r.string(o, "locale", path) ?? null
  };
}
function normalizeState(s) {
  if (s === void 0) return null;
  const t = s.trim().toUpperCase();
  return t.length > 0 ? t : null;
}
function readCustomer(r, o, path) {
  const echo = r.echoed(o, path);
  const id = r.id(o, "id", path, true);
  const addresses = /* @__PURE__ */ new Map();
  const list = r.array(o, "addresses", path) ?? [];
  list.forEach((a, i) => {
    const p = joinPath(joinPath(path, "addresses"), i);
    if (!isObject(a)) {
      r.add("invalid_type", p, { expected: "an address object" });
      return;
    }
    const addr = readAddress(r, a, p);
    if (addr.id === null) r.add("required", joinPath(p, "id"));
    else if (addresses.has(addr.id)) r.add("duplicate_id", joinPath(p, "id"), { id: addr.id });
    else addresses.set(addr.id, addr);
  });
  const defaultBilling = r.id(o, "default_billing_address_id", path) ?? null;
  const defaultShipping = r.id(o, "default_shipping_address_id", path) ?? null;
  if (defaultBilling !== null && !addresses.has(defaultBilling)) r.add("unknown_address", joinPath(path, "default_billing_address_id"), { id: defaultBilling });
  if (defaultShipping !== null && !addresses.has(defaultShipping)) r.add("unknown_address", joinPath(path, "default_shipping_address_id"), { id: defaultShipping });
  const country = r.country(o, "country", path) ?? null;
  const locale = r.string(o, "locale", path) ?? null;
  const taxExempt = r.boolean(o, "tax_exempt", path) ?? false;
  if (id === void 0) return void 0;
  return { id, fields: echo ? scalarFields(o) : {}, country, locale, taxExempt, addresses, defaultBilling, defaultShipping };
}

// src/store/discounts.ts
var TYPES = /* @__PURE__ */ new Set(["percent", "fixed", "free_shipping", "shipping"]);
function readDiscount(r, o, path, automatic) {
  const code = (automatic ? r.string(o, "code", path) : r.string(o, "code", path, true))?.trim() ?? null;
  if (!automatic && code !== null && code.length === 0) r.add("invalid_value", joinPath(path, "code"), { detail: "an empty coupon code" });
  const type = r.string(o, "type", path, true);
  if (type !== void 0 && !TYPES.has(type)) r.add("invalid_option", joinPath(path, "type"), { detail: "percent, fixed, free_shipping or shipping" });
  const value = r.percent(o, "value", path, type === "percent");
  const amounts = r.currencyAmounts(o, "amounts", path);
  if (type === "fixed" && (amounts === null || amounts.size === 0)) r.add("required", joinPath(path, "amounts"));
  if (type === "shipping" && value === void 0 && (amounts === null || amounts.size === 0)) r.add("required", joinPath(path, "value"));
  if (value !== void 0 && value.fraction.num > value.fraction.den) r.add("invalid_value", joinPath(path, "value"), { detail: "a percentage above 100" });
  const at = r.object(o, "applies_to", path);
  const ap = joinPath(path, "applies_to");
  const products = at === void 0 ? null : r.stringList(at, "products", ap);
  const categories = at === void 0 ? null : r.stringList(at, "categories", ap);
  const currencies = r.stringList(o, "currencies", path, true);
  const pms = r.stringList(o, "payment_methods", path);
  const d = {
    automatic,
    code: code !== null && code.length > 0 ? code : null,
    id: r.id(o, "id", path) ?? null,
    label: r.string(o, "label", path) ?? code ?? "",
    type: type ?? "percent",
    value: value?.fraction ?? null,
    valueNumber: value?.number ?? null,
    amounts,
    products: products === null ? null : new Set(products),
    categories: categories === null ? null : new Set(categories),
    appliesTo: at === void 0 ? null : { products, categories },
    minSubtotal: r.currencyAmounts(o, "min_subtotal", path),
    startsAt: r.date(o, "starts_at", path) ?? null,
    endsAt: r.date(o, "ends_at", path) ?? null,
    currencies: currencies === null ? null : new Set(currencies),
    // Payment-method ids compare trimmed and case-insensitively with options.payment_method.
    paymentMethods: pms === null ? null : new Set(pms.map((m) => m.trim().toLowerCase())),
    combinable: r.boolean(o, "combinable", path) ?? true,
    maxAmount: r.currencyAmounts(o, "max_amount", path)
  };
  if (type === void 0 || !TYPES.has(type) || !automatic && d.code === null) return void 0;
  if (own(o, "value") !== void 0 && own(o, "value") !== null && value === void 0) return void 0;
  return d;
}

// src/store/plans.ts
var CYCLES = /* @__PURE__ */ new Set(["day", "week", "month"]);
function readPlan(r, o, path) {
  const id = r.id(o, "id", path, true);
  const instalments = r.amount(o, "instalments", path, true);
  if (instalments === 0) r.add("invalid_value", joinPath(path, "instalments"), { detail: "at least 1" });
  if (instalments !== void 0 && instalments > LIMITS.maxInstalments) r.add("invalid_value", joinPath(path, "instalments"), { detail: `at most ${LIMITS.maxInstalments}` });
  const interval = r.amount(o, "interval", path) ?? 1;
  const offset = r.amount(o, "offset", path) ?? 0;
  if (interval > 1e5) r.add("invalid_value", joinPath(path, "interval"), { detail: "at most 100000" });
  if (offset > 1e5) r.add("invalid_value", joinPath(path, "offset"), { detail: "at most 100000" });
  const cycle = r.string(o, "cycle", path) ?? "month";
  if (!CYCLES.has(cycle)) r.add("invalid_option", joinPath(path, "cycle"), { detail: "day, week or month" });
  const lastCycle = offset + Math.max((instalments ?? 1) - 1, 0) * interval;
  const perCycle = cycle === "day" ? 1 : cycle === "week" ? 7 : 31;
  if (lastCycle * perCycle > LIMITS.maxScheduleDays) r.add("invalid_value", path, { detail: `the schedule reaches past ${LIMITS.maxScheduleDays} days` });
  const upfront = r.percent(o, "upfront_percent", path);
  const interest = r.percent(o, "interest_percent", path);
  const currencies = r.stringList(o, "currencies", path, true);
  const plan = {
    id: id ?? "",
    instalments: instalments ?? 1,
    interval,
    cycle,
    offset,
    upfront: upfront?.fraction ?? { num: 0, den: 1 },
    upfrontNumber: upfront?.number ?? 0,
    interest: interest?.fraction ?? { num: 0, den: 1 },
    minTotal: r.currencyAmounts(o, "min_total", path),
    maxTotal: r.currencyAmounts(o, "max_total", path),
    currencies: currencies === null ? null : new Set(currencies)
  };
  if (upfront !== void 0 && upfront.fraction.num > upfront.fraction.den) r.add("invalid_value", joinPath(path, "upfront_percent"), { detail: "at most 100" });
  return id === void 0 || instalments === void 0 || instalments === 0 || instalments > LIMITS.maxInstalments || !CYCLES.has(cycle) ? void 0 : plan;
}

// src/store/products.ts
function readPrices(r, o, path, signed = false) {
  const out = /* @__PURE__ */ new Map();
  const list = r.array(o, "pricing_model", path, false, LIMITS.maxPerProduct);
  if (list === void 0) return out;
  const base = joinPath(path, "pricing_model");
  list.forEach((e, i) => {
    const p = joinPath(base, i);
    if (!isObject(e)) {
      r.add("invalid_type", p, { expected: "a pricing_model entry" });
      return;
    }
    const cur = r.currency(e, "currency", p, true);
    const price2 = signed ? r.signedAmount(e, "price", p) : r.amount(e, "price", p, true);
    if (signed && price2 === void 0 && (own(e, "price") === void 0 || own(e, "price") === null)) r.add("required", joinPath(p, "price"));
    if (cur !== void 0 && price2 !== void 0 && !out.has(cur)) out.set(cur, price2);
  });
  return out;
}
function readStock(r, o, path) {
  const s = r.amount(o, "stock", path);
  if (s !== void 0) return s;
  const bd = r.array(o, "stock_breakdown", path, false, LIMITS.maxPerProduct);
  if (bd === void 0) return null;
  let sum = 0;
  bd.forEach((e, i) => {
    const p = joinPath(joinPath(path, "stock_breakdown"), i);
    if (!isObject(e)) {
      r.add("invalid_type", p, { expected: "a warehouse stock entry" });
      return;
    }
    sum += r.amount(e, "stock", p, true) ?? 0;
  });
  if (!Number.isSafeInteger(sum)) {
    r.add("amount_overflow", joinPath(path, "stock_breakdown"));
    return null;
  }
  return sum;
}
function topOrAdditional(r, o, key, path) {
  const top = r.string(o, key, path);
  if (top !== void 0) return top;
  const add2 = r.object(o, "additional_information", path);
  if (add2 === void 0) return null;
  return r.string(add2, key, joinPath(path, "additional_information")) ?? null;
}
function dateField(r, o, key, path) {
  const d = r.date(o, key, path);
  if (d !== void 0) return d;
  const unix = r.date(o, `${key}_unix`, path);
  if (unix !== void 0) return unix;
  const add2 = r.object(o, "additional_information", path);
  if (add2 === void 0) return null;
  return r.date(add2, key, joinPath(path, "additional_information")) ?? null;
}
function readProduct(r, o, path) {
  const id = r.id(o, "id", path, true);
  const name = r.string(o, "name", path) ?? null;
  const titles = [];
  const langs = r.object(o, "languages", path);
  const locales = langs === void 0 ? [] : Object.keys(langs);
  if (locales.length > LIMITS.maxMapEntries) r.add("too_many_items", joinPath(path, "languages"), { max: LIMITS.maxMapEntries });
  else if (langs !== void 0) {
    for (const loc of locales) {
      const l = langs[loc];
      if (isObject(l)) {
        const t = own(l, "title");
        if (typeof t === "string" && t.length > LIMITS.maxString) r.add("string_too_long", joinPath(joinPath(joinPath(path, "languages"), loc), "title"), { max: LIMITS.maxString });
        else if (typeof t === "string" && t.length > 0) titles.push([loc.toLowerCase(), t]);
      }
    }
  }
  const type = r.string(o, "type", path) ?? "physical_product";
  const category = r.string(o, "tax_category", path) ?? r.string(o, "classification", path) ?? "general";
  const prices = readPrices(r, o, path);
  const topPrice = r.amount(o, "price", path);
  const topCurrency = r.currency(o, "currency", path);
  let defaultCurrency = null;
  if (topCurrency !== void 0 && topPrice !== void 0) {
    if (!prices.has(topCurrency)) prices.set(topCurrency, topPrice);
    defaultCurrency = topCurrency;
  } else if (topCurrency !== void 0 && prices.has(topCurrency)) {
    defaultCurrency = topCurrency;
  } else {
    defaultCurrency = prices.keys().next().value ?? null;
  }
  const taxCalc = own(o, "tax_calculation");
  let inclusive = null;
  if (taxCalc === "inclusive") inclusive = true;
  else if (taxCalc === "exclusive") inclusive = false;
  else if (taxCalc !== void 0 && taxCalc !== null) r.add("invalid_option", joinPath(path, "tax_calculation"), { detail: "inclusive or exclusive" });
  const whitelist = r.stringList(o, "whitelist", path, true);
  const unlimited = (r.boolean(o, "unlimited_stock", path) ?? false) || (r.boolean(o, "allow_negative_stock", path) ?? false);
  const variations = r.object(o, "variations", path);
  const product = {
    id: id ?? "",
    name: name !== null && name.length > 0 ? name : null,
    titles,
    type,
    shipped: type === "physical_product",
    category,
    prices,
    defaultCurrency,
    inclusive,
    discountAllowed: r.boolean(o, "discount_allowed", path) ?? true,
    isMoss: r.boolean(o, "is_moss_product", path) ?? false,
    buyable: r.boolean(o, "buyable", path) ?? true,
    whitelist: whitelist === null ? null : new Set(whitelist.map(normalizeCountry)),
    minUnits: r.amount(o, "min_units", path) ?? null,
    maxUnits: r.amount(o, "max_units", path) ?? null,
    stock: readStock(r, o, path),
    unlimited,
    weight: r.amount(o, "weight", path) ?? 0,
    deltaPricing: variations !== void 0 ? r.boolean(variations, "delta_pricing", joinPath(path, "variations")) ?? false : false,
    variants: [],
    packs: [],
    releaseAt: dateField(r, o, "release_date", path),
    expiresAt: dateField(r, o, "expiry_date", path),
    sku: topOrAdditional(r, o, "sku", path),
    ean: topOrAdditional(r, o, "ean", path),
    subscription: type === "subscription",
    trialDays: r.amount(o, "trial_days", path) ?? 0
  };
  if (variations !== void 0) {
    const vp = joinPath(path, "variations");
    const list = r.array(variations, "variants", vp, false, LIMITS.maxPerProduct) ?? [];
    list.forEach((v, i) => {
      const p = joinPath(joinPath(vp, "variants"), i);
      if (!isObject(v)) {
        r.add("invalid_type", p, { expected: "a variant object" });
        return;
      }
      const vid = r.id(v, "id", p, true);
      if (vid === void 0) return;
      product.variants.push({
        id: vid,
        product,
        prices: readPrices(r, v, p, product.deltaPricing),
        stock: readStock(r, v, p),
        unlimited: (r.boolean(v, "unlimited_stock", p) ?? false) || (r.boolean(v, "allow_negative_stock", p) ?? false),
        weight: r.amount(v, "weight", p) ?? null,
        sku: topOrAdditional(r, v, "sku", p),
        ean: topOrAdditional(r, v, "ean", p)
      });
    });
  }
  const packs = r.array(o, "packs", path, false, LIMITS.maxPerProduct) ?? [];
  const variantById = /* @__PURE__ */ new Map();
  for (const v of product.variants) if (!variantById.has(v.id)) variantById.set(v.id, v);
  packs.forEach((k, i) => {
    const p = joinPath(joinPath(path, "packs"), i);
    if (!isObject(k)) {
      r.add("invalid_type", p, { expected: "a pack object" });
      return;
    }
    const pid = r.id(k, "id", p, true);
    const units = r.amount(k, "stock", p, true);
    if (units === 0) r.add("invalid_value", joinPath(p, "stock"), { detail: "a pack holds at least one unit" });
    let items = null;
    const vlist = r.array(k, "variants", p, false, LIMITS.maxPerProduct);
    if (vlist !== void 0 && vlist.length > 0) {
      items = [];
      vlist.forEach((e, j) => {
        const ep = joinPath(joinPath(p, "variants"), j);
        if (!isObject(e)) {
          r.add("invalid_type", ep, { expected: "a pack variant entry" });
          return;
        }
        const vid = r.id(e, "id", ep, true);
        const n = r.amount(e, "stock", ep, true);
        const variant = vid === void 0 ? void 0 : variantById.get(vid);
        if (vid !== void 0 && variant === void 0) r.add("unknown_variant", joinPath(ep, "id"), { id: vid });
        if (variant !== void 0 && n !== void 0) items.push({ variant, units: n });
      });
    }
    const ownPrices = readPrices(r, k, p);
    if (pid === void 0 || units === void 0 || units === 0) return;
    product.packs.push({
      id: pid,
      product,
      label: r.string(k, "label", p) ?? null,
      units,
      multiple: r.boolean(k, "multiple", p) ?? false,
      items,
      prices: ownPrices.size > 0 ? ownPrices : null
    });
  });
  if (id === void 0) return void 0;
  return product;
}

// src/store/rates.ts
function readJurisdiction(r, o, path) {
  const s = r.string(o, "jurisdiction", path);
  if (s === void 0) return void 0;
  const up = s.trim().toUpperCase().replace(/\s+/g, " ");
  if (!/^[A-Z]{2}(-[A-Z0-9]{1,3}(-[A-Z0-9](?:[A-Z0-9 .'-]{0,38}[A-Z0-9.])?)?)?$/.test(up)) {
    r.add("invalid_value", joinPath(path, "jurisdiction"), { detail: 'expected a country code such as "DE", "US-CA" or "US-CA-LA"' });
    return void 0;
  }
  return up;
}
function readRate(r, o, path, index) {
  const label = r.string(o, "label", path, true);
  const jurisdiction = readJurisdiction(r, o, path);
  if (jurisdiction === void 0 && (own(o, "jurisdiction") === void 0 || own(o, "jurisdiction") === null)) r.add("required", joinPath(path, "jurisdiction"));
  const percent = r.percent(o, "rate_percent", path);
  const amount = r.amount(o, "rate_amount", path);
  const hasPercent = own(o, "rate_percent") !== void 0 && own(o, "rate_percent") !== null;
  const hasAmount = own(o, "rate_amount") !== void 0 && own(o, "rate_amount") !== null;
  if (hasPercent === hasAmount) r.add("invalid_value", path, { detail: "a rate needs exactly one of rate_percent or rate_amount" });
  const category = r.string(o, "category", path) ?? null;
  if (label === void 0 || jurisdiction === void 0 || percent === void 0 && amount === void 0) return void 0;
  return {
    index,
    id: r.id(o, "id", path) ?? null,
    label,
    jurisdiction,
    category,
    percent: percent?.fraction ?? null,
    percentNumber: percent?.number ?? null,
    amount: percent === void 0 ? amount ?? null : null,
    vat: r.boolean(o, "vat_tax", path) ?? true,
    compound: r.boolean(o, "compound", path) ?? false
  };
}

// src/store/shipping-methods.ts
var TYPES2 = /* @__PURE__ */ new Set(["fixed", "per_item", "weight"]);
function readShippingMethod(r, o, path, index, baseCurrency) {
  const id = r.id(o, "id", path, true);
  const label = r.string(o, "label", path) ?? "";
  const type = r.string(o, "type", path, true);
  if (type !== void 0 && !TYPES2.has(type)) r.add("invalid_option", joinPath(path, "type"), { detail: "fixed, per_item or weight" });
  let tiers = null;
  const tl = r.array(o, "weight_tiers", path);
  if (tl !== void 0) {
    tiers = [];
    tl.forEach((t, i) => {
      const p = joinPath(joinPath(path, "weight_tiers"), i);
      if (!isObject(t)) {
        r.add("invalid_type", p, { expected: "a weight tier" });
        return;
      }
      const upTo = r.amount(t, "up_to", p);
      const cost2 = r.amount(t, "cost", p, true);
      if (cost2 !== void 0) tiers.push({ upTo: upTo ?? null, cost: cost2 });
    });
  }
  if (type === "weight" && (tiers === null || tiers.length === 0)) r.add("required", joinPath(path, "weight_tiers"));
  const cost = r.amount(o, "cost", path, type === "fixed" || type === "per_item") ?? 0;
  const countries = r.stringList(o, "countries", path, true);
  const method = {
    index,
    id: id ?? "",
    label,
    type: type ?? "fixed",
    cost,
    currency: r.currency(o, "currency", path) ?? baseCurrency,
    bundling: r.boolean(o, "bundling", path) ?? false,
    countries: countries === null ? null : new Set(countries.map(normalizeCountry)),
    freeOver: r.currencyAmounts(o, "free_over", path),
    additionalItemCost: r.amount(o, "additional_item_cost", path) ?? null,
    tiers,
    inclusive: r.boolean(o, "inclusive", path) ?? null
  };
  return id === void 0 || type === void 0 || !TYPES2.has(type) ? void 0 : method;
}

// src/store/createStore.ts
var StoreConfigError = class extends Error {
  constructor(issues) {
    super(`invalid store configuration: ${issues.slice(0, 5).map((i) => `${i.path}: ${i.message}`).join("; ")}${issues.length > 5 ? ` (+${issues.length - 5} more)` : ""}`);
    this.name = "StoreConfigError";
    this.issues = issues;
  }
};
var PREPARED = Symbol("tamio-pricing.store");
function prepared(store) {
  const s = store;
  if (typeof s !== "object" || s === null || s[PREPARED] !== true) {
    throw new StoreConfigError([issue("invalid_store", "")]);
  }
  return s;
}
function eachObject(r, list, path, f) {
  if (list === void 0) return;
  for (let i = 0; i < list.length; i++) {
    const p = joinPath(path, i);
    const v = list[i];
    if (!isObject(v)) r.add("invalid_type", p, { expected: "an object" });
    else f(v, p, i);
  }
}
function createStore(config) {
  const r = new Reader();
  const cfg = config;
  if (!isObject(cfg)) throw new StoreConfigError([issue("invalid_type", "", { expected: "a store configuration object" })]);
  const accountObj = r.object(cfg, "account", "", true);
  const account = accountObj === void 0 ? void 0 : readAccount(r, accountObj, "account");
  const baseCurrency = account?.baseCurrency ?? "EUR";
  const products = /* @__PURE__ */ new Map();
  const variants = /* @__PURE__ */ new Map();
  const packs = /* @__PURE__ */ new Map();
  const productPaths = /* @__PURE__ */ new Map();
  eachObject(r, r.array(cfg, "products", ""), "products", (o, p) => {
    const prod = readProduct(r, o, p);
    if (prod === void 0) return;
    if (products.has(prod.id)) return r.add("duplicate_id", joinPath(p, "id"), { id: prod.id });
    products.set(prod.id, prod);
    productPaths.set(prod.id, p);
    prod.variants.forEach((v, i) => {
      if (variants.has(v.id)) r.add("duplicate_id", joinPath(joinPath(joinPath(p, "variations"), "variants"), i), { id: v.id });
      else variants.set(v.id, v);
    });
    prod.packs.forEach((k, i) => {
      if (packs.has(k.id)) r.add("duplicate_id", joinPath(joinPath(p, "packs"), i), { id: k.id });
      else packs.set(k.id, k);
    });
  });
  const customers = /* @__PURE__ */ new Map();
  eachObject(r, r.array(cfg, "customers", ""), "customers", (o, p) => {
    const c = readCustomer(r, o, p);
    if (c === void 0) return;
    if (customers.has(c.id)) r.add("duplicate_id", joinPath(p, "id"), { id: c.id });
    else customers.set(c.id, c);
  });
  const rates = /* @__PURE__ */ new Map();
  const allRates = [];
  eachObject(r, r.array(cfg, "tax_rates", ""), "tax_rates", (o, p, i) => {
    const rate = readRate(r, o, p, i);
    if (rate === void 0) return;
    allRates.push(rate);
    const list = rates.get(rate.jurisdiction);
    if (list === void 0) rates.set(rate.jurisdiction, [rate]);
    else if (list.length >= LIMITS.maxRatesPerJurisdiction) r.add("too_many_items", joinPath(p, "jurisdiction"), { max: LIMITS.maxRatesPerJurisdiction });
    else list.push(rate);
  });
  for (const prod of products.values()) {
    const inclusive = prod.inclusive ?? account?.pricesIncludeTax ?? false;
    if (!inclusive) continue;
    if (allRates.some((x) => x.compound && (x.category === null || x.category === prod.category))) {
      r.add("compound_inclusive", productPaths.get(prod.id) ?? "products");
    }
  }
  const shippingMethods = [];
  const shippingById = /* @__PURE__ */ new Map();
  eachObject(r, r.array(cfg, "shipping_methods", ""), "shipping_methods", (o, p, i) => {
    const m = readShippingMethod(r, o, p, i, baseCurrency);
    if (m === void 0) return;
    if (shippingById.has(m.id)) return r.add("duplicate_id", joinPath(p, "id"), { id: m.id });
    shippingMethods.push(m);
    shippingById.set(m.id, m);
  });
  const discounts = [];
  eachObject(r, r.array(cfg, "discounts", ""), "discounts", (o, p) => {
    const d = readDiscount(r, o, p, true);
    if (d !== void 0) discounts.push(d);
  });
  const coupons = /* @__PURE__ */ new Map();
  eachObject(r, r.array(cfg, "coupons", ""), "coupons", (o, p) => {
    const d = readDiscount(r, o, p, false);
    if (d === void 0 || d.code === null) return;
    const key = d.code.toLowerCase();
    if (coupons.has(key)) r.add("duplicate_id", joinPath(p, "code"), { id: d.code });
    else coupons.set(key, d);
  });
  const plans = [];
  eachObject(r, r.array(cfg, "instalment_plans", ""), "instalment_plans", (o, p) => {
    const plan = readPlan(r, o, p);
    if (plan !== void 0) plans.push(plan);
  });
  const exRates = /* @__PURE__ */ new Map();
  let exBase = baseCurrency;
  const ex = r.object(cfg, "exchange_rates", "");
  if (ex !== void 0) {
    exBase = r.currency(ex, "base", "exchange_rates", true) ?? baseCurrency;
    const table = r.object(ex, "rates", "exchange_rates");
    const keys = table === void 0 ? [] : Object.keys(table);
    if (keys.length > LIMITS.maxMapEntries) r.add("too_many_items", "exchange_rates.rates", { max: LIMITS.maxMapEntries });
    else if (table !== void 0) {
      for (const k of keys) {
        const p = joinPath("exchange_rates.rates", k);
        const cur = r.currencyValue(k, p);
        if (cur !== void 0 && exRates.has(cur)) {
          r.add("invalid_value", p, { detail: `${cur} is given twice` });
          continue;
        }
        try {
          const rate = parseDecimal(own(table, k), { allowZero: false });
          if (cur !== void 0) exRates.set(cur, rate);
        } catch (e) {
          if (!(e instanceof MoneyError)) throw e;
          r.add("invalid_rate", p, { detail: e.message });
        }
      }
    }
  }
  exRates.set(exBase, { num: 1, den: 1 });
  if (r.issues.length > 0 || account === void 0) throw new StoreConfigError(r.issues);
  const store = {
    account,
    products,
    variants,
    packs,
    customers,
    rates,
    shippingMethods,
    shippingById,
    discounts,
    coupons,
    plans,
    exchange: { base: exBase, rates: exRates }
  };
  Object.defineProperty(store, PREPARED, { value: true });
  return Object.freeze(store);
}

// src/money/convert.ts
function conversionFactor(fromRate, toRate, fromExponent, toExponent) {
  if (fromRate.num <= 0 || toRate.num <= 0) throw new MoneyError("invalid_rate", "exchange rates must be positive");
  const k = toExponent - fromExponent;
  let num2 = BigInt(toRate.num) * BigInt(fromRate.den);
  let den = BigInt(toRate.den) * BigInt(fromRate.num);
  if (k > 0) num2 *= 10n ** BigInt(k);
  else if (k < 0) den *= 10n ** BigInt(-k);
  return { num: num2, den };
}
function convertAmount(amount, fromRate, toRate, fromExponent, toExponent, mode) {
  if (!Number.isSafeInteger(amount)) throw new MoneyError("amount_overflow", `cannot convert ${amount}`);
  const f = conversionFactor(fromRate, toRate, fromExponent, toExponent);
  return roundDiv(BigInt(amount) * f.num, f.den, mode);
}
function crossRate(fromRate, toRate) {
  return rational(BigInt(toRate.num) * BigInt(fromRate.den), BigInt(toRate.den) * BigInt(fromRate.num));
}

// src/money/amount.ts
function toAmount(n) {
  if (typeof n !== "number" || !Number.isInteger(n)) {
    if (typeof n === "number" && Number.isFinite(n)) throw new MoneyError("invalid_amount", `not an integer amount: ${n}`);
    throw new MoneyError("invalid_amount", `not a finite amount: ${String(n)}`);
  }
  if (!Number.isSafeInteger(n)) throw new MoneyError("amount_overflow", `amount outside the safe-integer range: ${n}`);
  return n === 0 ? 0 : n;
}
function addAmounts(a, b) {
  toAmount(a);
  toAmount(b);
  const s = a + b;
  if (!Number.isSafeInteger(s)) throw new MoneyError("amount_overflow", `sum outside the safe-integer range: ${a} + ${b}`);
  return s === 0 ? 0 : s;
}
function multiplyAmount(a, factor) {
  toAmount(a);
  toAmount(factor);
  const p = a * factor;
  if (!Number.isSafeInteger(p)) throw new MoneyError("amount_overflow", `product outside the safe-integer range: ${a} \xD7 ${factor}`);
  return p === 0 ? 0 : p;
}

// src/lines.ts
function variantPrice(v, currency) {
  const p = v.product;
  if (p.deltaPricing) {
    const basePrice = p.prices.get(currency);
    if (basePrice === void 0) return void 0;
    return Math.max(0, addAmounts(basePrice, v.prices.get(currency) ?? 0));
  }
  if (v.prices.size === 0) return p.prices.get(currency);
  return v.prices.get(currency);
}
function unitPriceIn(ref, currency) {
  const product = ref.product;
  if (ref.pack !== null) {
    const own3 = ref.pack.prices?.get(currency);
    if (own3 !== void 0) return own3;
    if (ref.pack.items !== null) {
      let sum = 0;
      for (const it of ref.pack.items) {
        const p = variantPrice(it.variant, currency);
        if (p === void 0) return void 0;
        sum += multiplyAmount(p, it.units);
      }
      return multiplyAmount(sum, 1);
    }
    const unit = product.prices.get(currency);
    return unit === void 0 ? void 0 : multiplyAmount(unit, ref.pack.units);
  }
  if (ref.variant !== null) return variantPrice(ref.variant, currency);
  return product.prices.get(currency);
}
function lineCurrencies(ref) {
  const p = ref.product;
  const seen = new Set(p.prices.keys());
  for (const v of p.variants) for (const c of v.prices.keys()) seen.add(c);
  for (const k of p.packs) if (k.prices !== null) for (const c of k.prices.keys()) seen.add(c);
  return [...seen].filter((c) => unitPriceIn(ref, c) !== void 0);
}
function price(ref, ctx) {
  const direct = unitPriceIn(ref, ctx.currency);
  if (direct !== void 0) return { price: direct };
  if (!ctx.convert) return { reject: "currency_not_supported" };
  const def = ref.product.defaultCurrency;
  const from = def !== null && unitPriceIn(ref, def) !== void 0 ? def : lineCurrencies(ref)[0] ?? null;
  if (from === null) return { reject: "currency_not_supported" };
  const inDefault = unitPriceIn(ref, from);
  if (inDefault === void 0) return { reject: "currency_not_supported" };
  const converted = ctx.converter.convert(inDefault, from);
  const rate = ctx.converter.rate(from);
  if (converted === void 0 || rate === void 0) return { reject: "currency_not_supported" };
  return { price: converted, rate };
}
function displayName(p, locale) {
  if (p.name !== null) return p.name;
  const lc = locale.toLowerCase().replace("_", "-");
  const lang = (s) => s.split(/[-_]/)[0];
  for (const [loc, title] of p.titles) if (loc.replace("_", "-") === lc) return title;
  for (const [loc, title] of p.titles) if (lang(loc) === lang(lc)) return title;
  return p.titles[0]?.[1] ?? "";
}
function ruleCheck(ref, ctx) {
  const p = ref.product;
  if (ref.variant === null && ref.pack === null && p.variants.length > 0) return "variant_required";
  if (ref.pack !== null && ref.pack.items === null && p.variants.length > 0 && ref.pack.prices === null) return "variant_required";
  if (!p.buyable) return "not_buyable";
  if (p.releaseAt !== null && ctx.at < p.releaseAt) return "not_released";
  if (p.expiresAt !== null && ctx.at >= p.expiresAt) return "expired";
  if (p.whitelist !== null && !p.whitelist.has(ctx.shipCountry)) return "country_not_allowed";
  if (ref.pack !== null && ref.quantity > 1 && !ref.pack.multiple) return "pack_multiple_not_allowed";
  return null;
}
function weightOf(ref) {
  const p = ref.product;
  if (ref.pack !== null) {
    if (ref.pack.items !== null) {
      let w = 0;
      for (const it of ref.pack.items) w += (it.variant.weight ?? p.weight) * it.units;
      return w * ref.quantity;
    }
    return p.weight * ref.pack.units * ref.quantity;
  }
  if (ref.variant !== null) return (ref.variant.weight ?? p.weight) * ref.quantity;
  return p.weight * ref.quantity;
}
function newLine(ref, ctx, unitPrice, rate) {
  const p = ref.product;
  const units = ref.pack === null ? ref.quantity : multiplyAmount(ref.quantity, ref.pack.units);
  return {
    index: ref.index,
    path: ref.path,
    product: p,
    variant: ref.variant,
    pack: ref.pack,
    name: p === null ? ref.name : displayName(p, ctx.locale),
    type: p === null ? "invoice_item" : p.type,
    category: p === null ? "general" : p.category,
    discountAllowed: p === null ? true : p.discountAllowed,
    isMoss: p === null ? false : p.isMoss,
    shipped: p === null ? false : p.shipped,
    quantity: ref.quantity,
    units,
    weight: p === null ? 0 : weightOf(ref),
    subscriptionTrial: p !== null && p.subscription && p.trialDays > 0,
    unitPrice,
    itemTotal: multiplyAmount(unitPrice, ref.quantity),
    exchangeRate: rate,
    priceConversion: rate !== null,
    inclusive: p === null || p.inclusive === null ? ctx.pricesIncludeTax : p.inclusive,
    jurisdiction: "",
    placeCountry: "",
    moss: false,
    rates: [],
    discount: 0,
    discounts: [],
    tax: 0,
    taxRates: [],
    net: 0,
    shippingSubtotal: 0,
    shippingDiscount: 0,
    shippingTax: 0,
    shippingNet: 0,
    shippingInclusive: false,
    shippingTaxRates: []
  };
}
function resolveLines(refs, ctx, warnings) {
  const candidates = [];
  for (const ref of refs) {
    let atQuantity = ref.product === null;
    try {
      if (ref.product === null) {
        candidates.push(newLine(ref, ctx, ref.price, null));
        continue;
      }
      const rule = ruleCheck(ref, ctx);
      if (rule !== null) {
        warnings.push(issue(rule, ref.path, { country: ctx.shipCountry }));
        continue;
      }
      const priced = price(ref, ctx);
      if ("reject" in priced) {
        warnings.push(issue(priced.reject, ref.path, { currency: ctx.currency }));
        continue;
      }
      atQuantity = true;
      candidates.push(newLine(ref, ctx, priced.price, priced.rate ?? null));
    } catch (e) {
      rethrowAt(e, atQuantity ? joinPath(ref.path, "quantity") : ref.path);
    }
  }
  const unitsByProduct = /* @__PURE__ */ new Map();
  let bounded = false;
  for (const l of candidates) if (l.product !== null && (l.product.minUnits !== null || l.product.maxUnits !== null)) bounded = true;
  if (bounded) {
    for (const l of candidates) if (l.product !== null) unitsByProduct.set(l.product, (unitsByProduct.get(l.product) ?? 0) + l.units);
  }
  const accepted = [];
  const pools = /* @__PURE__ */ new Map();
  for (const l of candidates) {
    const p = l.product;
    if (p === null) {
      accepted.push(l);
      continue;
    }
    const total = unitsByProduct.get(p) ?? 0;
    if (p.minUnits !== null && total < p.minUnits) {
      warnings.push(issue("below_min_units", l.path, { min: p.minUnits }));
      continue;
    }
    if (p.maxUnits !== null && total > p.maxUnits) {
      warnings.push(issue("above_max_units", l.path, { max: p.maxUnits }));
      continue;
    }
    if (!fitsStock(l, pools)) {
      warnings.push(issue("insufficient_stock", l.path, { stock: stockLeft(l, pools) }));
      continue;
    }
    accepted.push(l);
  }
  return accepted;
}
function demands(l) {
  const p = l.product;
  const productStock = p.unlimited ? null : p.stock;
  const forVariant = (v, units) => p.unlimited || v.unlimited ? { key: v, stock: null, units } : v.stock !== null ? { key: v, stock: v.stock, units } : { key: p, stock: productStock, units };
  if (l.pack !== null && l.pack.items !== null) {
    const byKey = /* @__PURE__ */ new Map();
    for (const it of l.pack.items) {
      const d = forVariant(it.variant, multiplyAmount(it.units, l.quantity));
      const prev = byKey.get(d.key);
      byKey.set(d.key, prev === void 0 ? d : { key: prev.key, stock: prev.stock, units: prev.units + d.units });
    }
    return [...byKey.values()];
  }
  if (l.variant !== null) return [forVariant(l.variant, l.units)];
  return [{ key: p, stock: productStock, units: l.units }];
}
function fitsStock(l, pools) {
  const p = l.product;
  if (l.variant === null && (l.pack === null || l.pack.items === null)) {
    if (p.unlimited || p.stock === null) return true;
    let pool = pools.get(p);
    if (pool === void 0) {
      pool = { stock: p.stock, used: 0 };
      pools.set(p, pool);
    }
    if (pool.used + l.units > pool.stock) return false;
    pool.used += l.units;
    return true;
  }
  const ds = demands(l);
  for (const d of ds) {
    if (d.stock === null) continue;
    const pool = pools.get(d.key) ?? { stock: d.stock, used: 0 };
    if (pool.used + d.units > pool.stock) return false;
  }
  for (const d of ds) {
    if (d.stock === null) continue;
    const pool = pools.get(d.key) ?? { stock: d.stock, used: 0 };
    pool.used += d.units;
    pools.set(d.key, pool);
  }
  return true;
}
function stockLeft(l, pools) {
  let left = Number.MAX_SAFE_INTEGER;
  for (const d of demands(l)) {
    if (d.stock === null) continue;
    const pool = pools.get(d.key);
    left = Math.min(left, d.stock - (pool?.used ?? 0));
  }
  return left;
}

// src/currency.ts
function selectCurrency(store, req) {
  if (req.currency !== null) return req.currency;
  const base = store.account.baseCurrency;
  if (!req.convert) return base;
  let common = null;
  for (const l of req.lines) {
    if (l.product === null) continue;
    const own3 = new Set(atPath(l.path, () => lineCurrencies(l)));
    common = common === null ? new Set(own3) : new Set([...common].filter((c) => own3.has(c)));
  }
  if (common === null || common.size === 0) return base;
  if (common.has(base)) return base;
  for (const c of store.account.currencies) if (common.has(c)) return c;
  return base;
}
function converterTo(store, target, mode) {
  const table = store.exchange.rates;
  const cache = /* @__PURE__ */ new Map();
  return {
    convert(amount, from) {
      if (from === target) return amount;
      const a = table.get(from);
      const b = table.get(target);
      if (a === void 0 || b === void 0) return void 0;
      return convertAmount(amount, a, b, currencyExponent(from), currencyExponent(target), mode);
    },
    rate(from) {
      if (from === target) return 1;
      const hit = cache.get(from);
      if (hit !== void 0) return hit;
      const a = table.get(from);
      const b = table.get(target);
      if (a === void 0 || b === void 0) return void 0;
      const r = rationalToNumber(crossRate(a, b));
      cache.set(from, r);
      return r;
    }
  };
}

// src/money/allocate.ts
var MAX2 = Number.MAX_SAFE_INTEGER;
function checkWeights(weights) {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i];
    if (!Number.isSafeInteger(w) || w < 0) throw new MoneyError("invalid_weights", `weight ${i} must be a non-negative safe integer, got ${w}`);
    sum += w;
  }
  if (!Number.isSafeInteger(sum)) throw new MoneyError("invalid_weights", "the weights sum past the safe-integer range");
  return sum;
}
function allocate(total, weights, fallback) {
  const n = weights.length;
  if (!Number.isSafeInteger(total)) throw new MoneyError("amount_overflow", `cannot allocate ${total}`);
  if (n === 0) {
    if (total !== 0) throw new MoneyError("invalid_weights", `cannot allocate ${total} over no parts`);
    return [];
  }
  let sum = checkWeights(weights);
  let w = weights;
  if (sum === 0 && fallback !== void 0 && fallback.length === n) {
    sum = checkWeights(fallback);
    w = fallback;
  }
  if (sum === 0) {
    w = new Array(n).fill(1);
    sum = n;
  }
  const neg = total < 0;
  const t = neg ? -total : total;
  const parts = new Array(n);
  const rems = new Array(n);
  let given = 0;
  if (t * sum <= MAX2) {
    for (let i = 0; i < n; i++) {
      const p = t * w[i];
      const r = p % sum;
      parts[i] = (p - r) / sum;
      rems[i] = r;
      given += parts[i];
    }
  } else {
    const bt = BigInt(t);
    const bs = BigInt(sum);
    const brems = new Array(n);
    for (let i = 0; i < n; i++) {
      const p = bt * BigInt(w[i]);
      const r = p % bs;
      parts[i] = Number((p - r) / bs);
      brems[i] = r;
      given += parts[i];
    }
    return finish(parts, neg, t - given, (a, b) => brems[a] > brems[b] ? -1 : brems[a] < brems[b] ? 1 : a - b);
  }
  return finishNumber(parts, neg, t - given, rems);
}
function finishNumber(parts, neg, leftover, rems) {
  if (leftover > 16) {
    const idx = [];
    for (let i = 0; i < rems.length; i++) if (rems[i] !== 0) idx.push(i);
    idx.sort((a, b) => rems[b] - rems[a] || a - b);
    for (let k = 0; k < leftover; k++) parts[idx[k]] += 1;
  } else if (leftover > 0) {
    const idx = [];
    for (let i = 0; i < rems.length; i++) {
      const r = rems[i];
      if (r === 0) continue;
      let j = idx.length;
      idx.push(i);
      while (j > 0 && rems[idx[j - 1]] < r) {
        idx[j] = idx[j - 1];
        j--;
      }
      idx[j] = i;
      if (idx.length > leftover) idx.pop();
    }
    for (let k = 0; k < leftover; k++) parts[idx[k]] += 1;
  }
  if (neg) for (let i = 0; i < parts.length; i++) parts[i] = parts[i] === 0 ? 0 : -parts[i];
  return parts;
}
function finish(parts, neg, leftover, order) {
  if (leftover > 0 && leftover <= 4) {
    const given = new Array(parts.length).fill(false);
    for (let k = 0; k < leftover; k++) {
      let best = -1;
      for (let i = 0; i < parts.length; i++) if (!given[i] && (best === -1 || order(i, best) < 0)) best = i;
      given[best] = true;
      parts[best] += 1;
    }
  } else if (leftover > 0) {
    const idx = parts.map((_, i) => i).sort(order);
    for (let k = 0; k < leftover; k++) parts[idx[k]] += 1;
  }
  if (neg) for (let i = 0; i < parts.length; i++) parts[i] = parts[i] === 0 ? 0 : -parts[i];
  return parts;
}
function splitEvenly(total, n) {
  if (!Number.isSafeInteger(n) || n <= 0) throw new MoneyError("invalid_weights", `cannot split into ${n} parts`);
  if (!Number.isSafeInteger(total)) throw new MoneyError("amount_overflow", `cannot split ${total}`);
  const neg = total < 0;
  const t = neg ? -total : total;
  const r = t % n;
  const base = (t - r) / n;
  const out = new Array(n);
  for (let i = 0; i < n; i++) {
    const v = i < r ? base + 1 : base;
    out[i] = neg && v !== 0 ? -v : v;
  }
  return out;
}
function allocateBig(total, weights) {
  const n = weights.length;
  if (!Number.isSafeInteger(total)) throw new MoneyError("amount_overflow", `cannot allocate ${total}`);
  if (n === 0) {
    if (total !== 0) throw new MoneyError("invalid_weights", `cannot allocate ${total} over no parts`);
    return [];
  }
  let sum = 0n;
  for (const w2 of weights) {
    if (w2 < 0n) throw new MoneyError("invalid_weights", "weights must not be negative");
    sum += w2;
  }
  const w = sum === 0n ? weights.map(() => 1n) : weights;
  if (sum === 0n) sum = BigInt(n);
  const neg = total < 0;
  const t = BigInt(neg ? -total : total);
  const parts = new Array(n);
  const rems = new Array(n);
  let given = 0;
  for (let i = 0; i < n; i++) {
    const p = t * w[i];
    const r = p % sum;
    parts[i] = Number((p - r) / sum);
    rems[i] = r;
    given += parts[i];
  }
  return finish(parts, neg, Number(t) - given, (a, b) => rems[a] > rems[b] ? -1 : rems[a] < rems[b] ? 1 : a - b);
}

// src/discounts.ts
function inScope(d, l) {
  if (d.products === null && d.categories === null) return true;
  if (d.products !== null) {
    if (l.product !== null && d.products.has(l.product.id)) return true;
    if (l.variant !== null && d.products.has(l.variant.id)) return true;
    if (l.pack !== null && d.products.has(l.pack.id)) return true;
  }
  return d.categories !== null && d.categories.has(l.category);
}
function eligible(d, l) {
  return l.discountAllowed && inScope(d, l);
}
function amountIn(map, ctx, prefer = null) {
  if (map === null) return void 0;
  const own3 = map.get(ctx.currency);
  if (own3 !== void 0) return own3;
  if (prefer !== null) {
    const p = map.get(prefer);
    const c = p === void 0 ? void 0 : ctx.converter.convert(p, prefer);
    if (c !== void 0) return c;
  }
  for (const [cur, amt] of map) {
    const c = ctx.converter.convert(amt, cur);
    if (c !== void 0) return c;
  }
  return void 0;
}
function rejection(d, ctx, itemTotal) {
  if (d.startsAt !== null && ctx.at < d.startsAt) return "coupon_not_started";
  if (d.endsAt !== null && ctx.at >= d.endsAt) return "coupon_expired";
  if (d.currencies !== null && !d.currencies.has(ctx.currency)) return "coupon_currency";
  if (d.paymentMethods !== null) {
    if (ctx.paymentMethod === null) return "payment_method_discount_skipped";
    if (!d.paymentMethods.has(ctx.paymentMethod.trim().toLowerCase())) return "payment_method_not_allowed";
  }
  const min = d.minSubtotal?.get(ctx.currency);
  if (min !== void 0 && itemTotal < min) return "coupon_min_subtotal";
  return null;
}
function applyDiscounts(store, lines, coupons, ctx, warnings) {
  const applied = [];
  if (ctx.noDiscounts) {
    for (const c of coupons) warnings.push(issue("discounts_disabled", c.path));
    return applied;
  }
  let itemTotal = 0;
  for (const l of lines) itemTotal += l.itemTotal;
  const queue = store.discounts.map((d, i) => ({ d, path: `discounts[${i}]`, automatic: true }));
  const seen = /* @__PURE__ */ new Set();
  for (const c of coupons) {
    const key = c.code.trim().toLowerCase();
    const d = store.coupons.get(key);
    if (d === void 0) {
      warnings.push(issue("unknown_coupon", c.path, { code: c.code }));
      continue;
    }
    if (seen.has(key)) {
      warnings.push(issue("coupon_duplicate", c.path));
      continue;
    }
    seen.add(key);
    queue.push({ d, path: c.path, automatic: false });
  }
  const prefer = store.account.baseCurrency;
  let exclusive = false;
  for (const { d, path, automatic } of queue) {
    const warn = (code, params = {}) => {
      if (!automatic || code === "payment_method_discount_skipped") warnings.push(issue(code, path, params));
    };
    const why = rejection(d, ctx, itemTotal);
    if (why !== null) {
      warn(why, { currency: ctx.currency, min: d.minSubtotal?.get(ctx.currency) ?? 0 });
      continue;
    }
    if (applied.length > 0 && (exclusive || !d.combinable)) {
      warn("coupon_not_combinable");
      continue;
    }
    if (d.type === "free_shipping" || d.type === "shipping") {
      if (!lines.some((l) => l.shipped) || !lines.some((l) => inScope(d, l))) {
        warn("coupon_no_eligible_products");
        continue;
      }
      let fixed = null;
      if (d.type === "shipping" && d.value === null) {
        const a = atPath(path, () => amountIn(d.amounts, ctx, prefer));
        if (a === void 0) {
          warn("coupon_currency", { currency: ctx.currency });
          continue;
        }
        fixed = a;
      }
      applied.push({ discount: d, path, amount: 0, shippingAmount: 0, shippingFixed: fixed });
      if (!d.combinable) exclusive = true;
      continue;
    }
    const idx = [];
    const bases = [];
    let base = 0;
    for (let i = 0; i < lines.length; i++) {
      const l = lines[i];
      if (!eligible(d, l)) continue;
      const b = l.itemTotal - l.discount;
      idx.push(i);
      bases.push(b);
      base += b;
    }
    if (idx.length === 0 || base === 0) {
      warn("coupon_no_eligible_products");
      continue;
    }
    let amount;
    if (d.type === "percent") amount = mulDivRound(base, d.value.num, d.value.den, ctx.mode);
    else {
      const a = atPath(path, () => amountIn(d.amounts, ctx, prefer));
      if (a === void 0) {
        warn("coupon_currency", { currency: ctx.currency });
        continue;
      }
      amount = a;
    }
    const cap = d.maxAmount?.get(ctx.currency);
    if (cap !== void 0 && amount > cap) amount = cap;
    if (amount > base) amount = base;
    const parts = allocate(amount, bases);
    for (let j = 0; j < idx.length; j++) {
      const part = parts[j];
      if (part === 0) continue;
      const l = lines[idx[j]];
      l.discount += part;
      l.discounts.push({ id: d.id, code: d.code, label: d.label, type: d.type, amount: part, shipping_amount: 0 });
    }
    applied.push({ discount: d, path, amount, shippingAmount: 0, shippingFixed: null });
    if (!d.combinable) exclusive = true;
  }
  return applied;
}
function applyShippingDiscounts(shipped, applied, currency, mode) {
  for (const a of applied) {
    const d = a.discount;
    if (d.type !== "free_shipping" && d.type !== "shipping") continue;
    const remaining = shipped.map((l) => l.shippingSubtotal - l.shippingDiscount);
    let left = 0;
    for (const x of remaining) left += x;
    let amount;
    if (d.type === "free_shipping") amount = left;
    else if (d.value !== null) amount = mulDivRound(left, d.value.num, d.value.den, mode);
    else amount = a.shippingFixed ?? 0;
    const cap = d.maxAmount?.get(currency);
    if (cap !== void 0 && amount > cap) amount = cap;
    if (amount > left) amount = left;
    if (amount <= 0) continue;
    const parts = allocate(amount, remaining);
    for (let i = 0; i < shipped.length; i++) {
      const part = parts[i];
      if (part === 0) continue;
      const l = shipped[i];
      l.shippingDiscount += part;
      l.discounts.push({ id: d.id, code: d.code, label: d.label, type: d.type, amount: 0, shipping_amount: part });
    }
    a.shippingAmount += amount;
  }
}

// src/instalments.ts
function within(map, currency, total, min) {
  const bound = map?.get(currency);
  if (bound === void 0) return true;
  return min ? total >= bound : total <= bound;
}
var DAY = 864e5;
function addCycles(at, k, cycle) {
  if (cycle === "day") return at + k * DAY;
  if (cycle === "week") return at + k * 7 * DAY;
  const d = new Date(at);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + k;
  const ty = y + Math.floor(m / 12);
  const tm = (m % 12 + 12) % 12;
  const last = new Date(Date.UTC(ty, tm + 1, 0)).getUTCDate();
  return Date.UTC(ty, tm, Math.min(d.getUTCDate(), last), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds());
}
function iso(ms) {
  const days = Math.floor(ms / DAY);
  let rem = ms - days * DAY;
  const hh = Math.floor(rem / 36e5);
  rem -= hh * 36e5;
  const mi = Math.floor(rem / 6e4);
  rem -= mi * 6e4;
  const ss = Math.floor(rem / 1e3);
  const mss = rem - ss * 1e3;
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  if (y < 0 || y > 9999) return new Date(ms).toISOString();
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}T${pad(hh, 2)}:${pad(mi, 2)}:${pad(ss, 2)}.${pad(mss, 3)}Z`;
}
function pad(n, width) {
  const s = String(n);
  return s.length >= width ? s : "0000".slice(0, width - s.length) + s;
}
function computePlan(plan, total, mode, exact, at) {
  const n = plan.instalments;
  const interest = mulDivRound(total, plan.interest.num, plan.interest.den, mode);
  const T = addAmounts(total, interest);
  const upfront = mulDivRound(T, plan.upfront.num, plan.upfront.den, mode);
  const rest = T - upfront;
  const each = Math.floor(rest / n);
  const amounts = exact ? splitEvenly(rest, n) : new Array(n).fill(each);
  const schedule = [{ due: iso(at), amount: upfront }];
  for (let k = 1; k <= n; k++) schedule.push({ due: iso(addCycles(at, plan.offset + (k - 1) * plan.interval, plan.cycle)), amount: amounts[k - 1] });
  return {
    interval: plan.interval,
    instalments: n,
    cycle: plan.cycle,
    offset: plan.offset,
    id: plan.id,
    upfront_amount: upfront,
    upfront: plan.upfrontNumber,
    instalments_amount: each,
    interest,
    total_amount: exact ? T : upfront + n * each,
    schedule
  };
}
function offerPlans(plans, currency, total, mode, exact, at) {
  const out = [];
  for (const p of plans) {
    if (p.currencies !== null && !p.currencies.has(currency)) continue;
    if (!within(p.minTotal, currency, total, true) || !within(p.maxTotal, currency, total, false)) continue;
    out.push(computePlan(p, total, mode, exact, at));
  }
  return out;
}
function availablePayments(account, currency, billCountry, total, hasPlans) {
  const out = [];
  for (const m of account.paymentMethods) {
    if (m.currencies !== null && !m.currencies.has(currency)) continue;
    if (m.countries !== null && !m.countries.has(billCountry)) continue;
    if (!within(m.minTotal, currency, total, true) || !within(m.maxTotal, currency, total, false)) continue;
    out.push(m.id);
  }
  if (hasPlans) out.push("instalments");
  return out;
}

// src/jurisdiction.ts
function jurisdictionKey(country, state, county2) {
  if (state === null) return country;
  return county2 === null ? `${country}-${state}` : `${country}-${state}-${county2}`;
}
function levelsOf(key) {
  const k = normalizeCountry(key);
  const country = k.slice(0, 2);
  if (k.length <= 3) return [country];
  const rest = k.slice(3);
  const dash = rest.indexOf("-");
  if (dash <= 0) return [country, k];
  return [country, `${country}-${rest.slice(0, dash)}`, k];
}
function ratesAt(store, level) {
  if (level.startsWith("XI") && !store.rates.has("XI")) level = `GB${level.slice(2)}`;
  const own3 = store.rates.get(level) ?? [];
  if (!level.startsWith("GR")) return own3;
  const alias = store.rates.get(`EL${level.slice(2)}`);
  if (alias === void 0) return own3;
  return [...own3, ...alias].sort((a, b) => a.index - b.index);
}
function ratesFor(store, key, category) {
  const out = [];
  let levels = 0;
  for (const level of levelsOf(key)) {
    const all = ratesAt(store, level);
    if (all.length === 0) continue;
    let exact = all.filter((r) => r.category === category);
    if (exact.length === 0) exact = all.filter((r) => r.category === null);
    if (exact.length > 0) levels++;
    out.push(...exact);
  }
  return levels > 1 ? out.sort((a, b) => a.index - b.index) : out;
}
function shippingRatesFor(store, key, goods, reverseCharge) {
  const out = [];
  let levels = 0;
  for (const level of levelsOf(key)) {
    const own3 = ratesAt(store, level).filter((r) => r.category === "shipping" && r.percent !== null && !(reverseCharge && r.vat));
    const picked = own3.length > 0 ? own3 : goods.filter((r) => r.percent !== null && sameLevel(r.jurisdiction, level));
    if (picked.length > 0) levels++;
    out.push(...picked);
  }
  return levels > 1 ? out.sort((a, b) => a.index - b.index) : out;
}
function sameLevel(rateJurisdiction, level) {
  const j = normalizeCountry(rateJurisdiction);
  return j === level || level.startsWith("XI") && j === `GB${level.slice(2)}`;
}
function assignJurisdictions(store, lines, places, policies, warnings) {
  const originKey = normalizeCountry(store.account.country);
  const origin = canonicalCountry(originKey);
  const b2b = places.isCompany && places.hasVat;
  const bill = canonicalCountry(places.billCountry);
  const ship = canonicalCountry(places.shipCountry);
  const billKey = jurisdictionKey(bill, places.billState, places.billCounty);
  const shipKey = jurisdictionKey(ship, places.shipState, places.shipCounty);
  const exempt = places.taxExempt;
  const verified = !exempt && b2b && places.verifiedVat && bill !== origin;
  const rcFor = (goods, place) => verified && place !== origin && isEu(origin, goods) && isEu(bill, goods) && isEu(place, goods);
  let anyReverseCharge = false;
  const cache = /* @__PURE__ */ new Map();
  const lookup2 = (key, category) => {
    let byCategory = cache.get(key);
    if (byCategory === void 0) {
      byCategory = /* @__PURE__ */ new Map();
      cache.set(key, byCategory);
    }
    let hit = byCategory.get(category);
    if (hit === void 0) {
      hit = ratesFor(store, key, category);
      byCategory.set(category, hit);
    }
    return hit;
  };
  for (const l of lines) {
    const place = l.shipped ? ship : bill;
    const placeKey = l.shipped ? shipKey : billKey;
    let key = originKey;
    let moss = false;
    if (place === origin) key = placeKey;
    else if (!isEu(place, l.shipped)) key = placeKey;
    else if (!b2b && (store.account.euOss || l.isMoss)) {
      key = placeKey;
      moss = true;
    }
    const reverseCharge = rcFor(l.shipped, place);
    if (reverseCharge) anyReverseCharge = true;
    l.placeCountry = place;
    l.jurisdiction = key;
    l.moss = moss;
    let rates = exempt ? [] : lookup2(key, l.category);
    if (reverseCharge) rates = rates.filter((r) => !r.vat);
    if (l.inclusive && (exempt || reverseCharge || policies.keepNet && canonicalCountry(key) !== origin)) {
      const unit = originNet(l.unitPrice, l.units / l.quantity, lookup2(originKey, l.category), policies);
      l.unitPrice = unit;
      l.itemTotal = multiplyAmount(unit, l.quantity);
      l.inclusive = false;
    }
    l.rates = rates;
  }
  if (exempt) warnings.push(issue("tax_exempt", places.customerPath));
  else if (anyReverseCharge) warnings.push(issue("reverse_charge", places.customerPath));
  return { reverseCharge: rcFor(true, ship), exempt };
}
function originNet(unit, unitsPerLine, rates, policies) {
  let gross = unit;
  const percents = [];
  for (const r of rates) {
    if (r.amount !== null) gross -= r.amount * unitsPerLine;
    else if (r.percent !== null) percents.push(r.percent);
  }
  if (gross <= 0) return 0;
  if (percents.length === 0) return gross;
  const sum = addRationals(percents);
  return mulDivRound(gross, sum.den, sum.den + sum.num, policies.rounding);
}

// src/places.ts
function lookup(customer, id, path, errors) {
  if (id === null) return null;
  const a = customer?.addresses.get(id);
  if (a === void 0) {
    errors.push(issue("unknown_address", path, { id }));
    return null;
  }
  return a;
}
function county(a) {
  const c = a?.fields.county;
  if (typeof c !== "string") return null;
  const n = c.trim().toUpperCase().replace(/\s+/g, " ");
  return n.length > 0 ? n : null;
}
function where(code, a) {
  if (code === null) return { country: null, state: a?.state ?? null, county: county(a) };
  const n = normalizeCountry(code);
  const dash = n.indexOf("-");
  const state = a?.state ?? (dash > 0 ? n.slice(dash + 1) : null);
  return { country: n.slice(0, 2), state, county: county(a) };
}
function resolvePlaces(store, rc, requestLocale, errors, warnings) {
  const stored = rc.id === null ? void 0 : store.customers.get(rc.id);
  const base = rc.isNew ? "new_customer" : "customer";
  const billTo = rc.billingInfo ?? lookup(stored, rc.billingAddressId, joinPath(base, "billing_address_id"), errors) ?? (stored?.defaultBilling != null ? stored.addresses.get(stored.defaultBilling) ?? null : null);
  const shipTo = rc.shippingInfo ?? lookup(stored, rc.shippingAddressId, joinPath(base, "shipping_address_id"), errors) ?? (rc.sameShipping ? billTo : null) ?? (stored?.defaultShipping != null ? stored.addresses.get(stored.defaultShipping) ?? null : null);
  const customerCountry = rc.country ?? stored?.country ?? null;
  const bill = where(billTo?.country ?? customerCountry, billTo);
  let billCountry = bill.country;
  if (billCountry === null) {
    billCountry = canonicalCountry(store.account.country);
    warnings.push(issue("customer_country_unknown", `${base}.country`));
  }
  const ship = shipTo?.country != null ? where(shipTo.country, shipTo) : { country: billCountry, state: shipTo?.state ?? bill.state, county: county(shipTo) ?? bill.county };
  const vat = billTo?.vat?.trim() ?? "";
  const info = stored === void 0 ? {} : copyFields(stored.fields);
  for (const k of Object.keys(rc.inlineFields)) info[k] = rc.inlineFields[k];
  info.billing_information = billTo === null ? null : copyFields(billTo.fields);
  info.shipping_information = shipTo === null ? null : copyFields(shipTo.fields);
  const locale = requestLocale ?? rc.locale ?? stored?.locale ?? billTo?.locale ?? "en";
  return {
    billTo,
    shipTo,
    billCountry,
    billState: bill.state,
    billCounty: bill.county,
    shipCountry: ship.country ?? billCountry,
    shipState: ship.state,
    shipCounty: ship.county,
    isCompany: billTo?.isCompany ?? false,
    hasVat: vat.length > 0,
    verifiedVat: billTo?.verifiedVat ?? false,
    // A stored customer's own flag decides; inline information only speaks for unknown customers.
    taxExempt: stored?.taxExempt ?? rc.inlineFields.tax_exempt === true,
    customerPath: base,
    locale,
    customerInformation: info
  };
}
function copyFields(fields) {
  const out = {};
  const keys = Object.keys(fields);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    out[k] = fields[k];
  }
  return out;
}

// src/request.ts
var REQUEST_CONTROL = /* @__PURE__ */ new Set([
  "billing_address_id",
  "shipping_address_id",
  "same_shipping_address",
  "billing_information",
  "shipping_information",
  "addresses",
  "default_billing_address_id",
  "default_shipping_address_id"
]);
function readInline(r, o, key, path) {
  const v = r.object(o, key, path);
  return v === void 0 ? null : readAddress(r, v, joinPath(path, key));
}
function readCustomerPart(r, body) {
  const c = r.object(body, "customer", "");
  const n = r.object(body, "new_customer", "");
  if (c === void 0 && n === void 0) {
    if (r.issues.length === 0 || !r.issues.some((i) => i.path === "customer" || i.path === "new_customer")) r.add("customer_required", "customer");
    return void 0;
  }
  const o = c ?? n;
  const path = c !== void 0 ? "customer" : "new_customer";
  const echo = r.echoed(o, path);
  const id = c !== void 0 ? r.id(o, "id", path, true) : r.id(o, "id", path) ?? null;
  return {
    id: id ?? null,
    isNew: c === void 0,
    inlineFields: echo ? scalarFields(o, REQUEST_CONTROL) : {},
    billingAddressId: r.id(o, "billing_address_id", path) ?? null,
    shippingAddressId: r.id(o, "shipping_address_id", path) ?? null,
    sameShipping: r.boolean(o, "same_shipping_address", path) ?? false,
    billingInfo: readInline(r, o, "billing_information", path),
    shippingInfo: readInline(r, o, "shipping_information", path),
    country: r.country(o, "country", path) ?? null,
    locale: r.string(o, "locale", path) ?? null
  };
}
function readLine(r, store, v, index) {
  const path = joinPath("products", index);
  if (!isObject(v)) {
    r.add("invalid_type", path, { expected: "a product line object" });
    return void 0;
  }
  let quantity = 1;
  const q = own(v, "quantity");
  if (q !== void 0 && q !== null) {
    if (typeof q === "number" && Number.isInteger(q) && q > 0 && !Number.isSafeInteger(q)) {
      r.add("amount_overflow", joinPath(path, "quantity"));
      return void 0;
    }
    if (typeof q !== "number" || !Number.isInteger(q) || q < 1) {
      r.add("invalid_quantity", joinPath(path, "quantity"));
      return void 0;
    }
    quantity = q;
  }
  const packId = r.id(v, "pack", path);
  if (packId !== void 0) {
    const pack = store.packs.get(packId);
    if (pack === void 0) return void r.add("unknown_pack", joinPath(path, "pack"), { id: packId });
    return { index, path, product: pack.product, variant: null, pack, name: null, price: 0, quantity };
  }
  if (own(v, "pack") !== void 0 && own(v, "pack") !== null) return void 0;
  const variantId = r.id(v, "variant", path);
  if (variantId !== void 0) {
    const variant = store.variants.get(variantId);
    if (variant === void 0) return void r.add("unknown_variant", joinPath(path, "variant"), { id: variantId });
    return { index, path, product: variant.product, variant, pack: null, name: null, price: 0, quantity };
  }
  if (own(v, "variant") !== void 0 && own(v, "variant") !== null) return void 0;
  const productId = r.id(v, "id", path);
  if (productId !== void 0) {
    const product = store.products.get(productId);
    if (product === void 0) return void r.add("unknown_product", joinPath(path, "id"), { id: productId });
    return { index, path, product, variant: null, pack: null, name: null, price: 0, quantity };
  }
  if (own(v, "id") !== void 0 && own(v, "id") !== null) return void 0;
  const name = r.string(v, "name", path) ?? r.string(v, "label", path);
  const price2 = r.amount(v, "price", path);
  const absent = (k) => own(v, k) === void 0 || own(v, k) === null;
  if (name === void 0 && absent("name") && absent("label")) r.add("required", joinPath(path, "name"));
  if (price2 === void 0 && absent("price")) r.add("required", joinPath(path, "price"));
  if (name === void 0 || price2 === void 0) return void 0;
  return { index, path, product: null, variant: null, pack: null, name, price: price2, quantity };
}
function readRequest(r, store, body) {
  if (!isObject(body)) {
    r.add("invalid_type", "", { expected: "a request object" });
    return void 0;
  }
  const list = r.array(body, "products", "", true);
  const lines = [];
  if (list !== void 0) {
    if (list.length === 0) r.add("no_products", "products");
    else if (list.length > store.account.maxLines) r.add("too_many_lines", "products", { max: store.account.maxLines });
    else
      for (let i = 0; i < list.length; i++) {
        const l = readLine(r, store, list[i], i);
        if (l !== void 0) lines.push(l);
      }
  }
  const currency = r.currency(body, "currency", "") ?? null;
  const couponList = r.array(body, "coupons", "", false, LIMITS.maxCoupons);
  const coupons = [];
  couponList?.forEach((c, i) => {
    const p = joinPath("coupons", i);
    if (typeof c !== "string" || c.length > LIMITS.maxString) r.add("invalid_type", p, { expected: "a coupon code string" });
    else coupons.push({ code: c, path: p });
  });
  let shippingMethodId = null;
  let nshift = null;
  const ship = r.object(body, "shipping", "");
  if (ship !== void 0) {
    shippingMethodId = r.id(ship, "tamio", "shipping") ?? null;
    const ns = r.object(ship, "nshift", "shipping");
    if (ns !== void 0 && r.boolean(ns, "valid", "shipping.nshift") === true) {
      const np = "shipping.nshift";
      let cost = r.amount(ns, "price", np) ?? 0;
      const addons = r.array(ns, "selectedAddons", np, false, LIMITS.maxAddons) ?? [];
      addons.forEach((a, i) => {
        const ap = joinPath(joinPath(np, "selectedAddons"), i);
        if (!isObject(a)) return r.add("invalid_type", ap, { expected: "an add-on object" });
        cost += r.amount(a, "price", ap) ?? 0;
      });
      if (!Number.isSafeInteger(cost)) r.add("amount_overflow", joinPath(np, "price"));
      const rate = r.percent(ns, "taxRate", np);
      nshift = { cost, rate: rate?.fraction ?? null, rateNumber: rate?.number ?? null };
    }
  }
  const customer = readCustomerPart(r, body);
  const out = {
    lines,
    currency,
    convert: r.boolean(body, "convert_prices", "") ?? false,
    coupons,
    noDiscounts: r.boolean(body, "no_discounts", "") ?? false,
    locale: r.string(body, "locale", "") ?? null,
    affiliate: r.string(body, "affiliate", "") ?? null,
    page: r.string(body, "page", "") ?? null,
    customer,
    shippingMethodId,
    nshift
  };
  return r.issues.length > 0 || customer === void 0 ? void 0 : out;
}

// src/money/inclusive.ts
function lcmDen(rates) {
  let l = 1n;
  for (const r of rates) l = lcmBig(l, BigInt(r.den));
  return l;
}
function extractInclusive(gross, rates, mode, target = "net") {
  if (!Number.isSafeInteger(gross)) throw new MoneyError("amount_overflow", `cannot extract tax from ${gross}`);
  if (rates.length === 0) return { net: gross, tax: 0, taxes: [] };
  const L = lcmDen(rates);
  const ks = rates.map((r) => BigInt(r.num) * L / BigInt(r.den));
  let K = 0n;
  for (const k2 of ks) {
    if (k2 < 0n) throw new MoneyError("invalid_rate", "an inclusive rate cannot be negative");
    K += k2;
  }
  const max = BigInt(Number.MAX_SAFE_INTEGER);
  if (L + K > max) throw new MoneyError("invalid_rate", "rates too precise to combine");
  const l = Number(L);
  const k = Number(K);
  let net;
  let tax;
  if (target === "net") {
    net = mulDivRound(gross, l, l + k, mode);
    tax = gross - net;
  } else {
    tax = mulDivRound(gross, k, l + k, mode);
    net = gross - tax;
  }
  const weights = ks.map((x) => Number(x));
  const taxes = rates.length === 1 ? [tax] : allocate(tax, weights);
  return { net, tax, taxes };
}

// src/taxes.ts
var NONE = { tax: 0, net: 0, charges: [] };
function fixedAmount(r, units) {
  return units === 0 ? 0 : multiplyAmount(r.amount, units);
}
function chargeOne(t, p) {
  if (t.rates.length === 0) return { tax: 0, net: t.base, charges: [] };
  const mode = p.rounding;
  const unit = p.taxLevel === TaxLevel.Unit && t.quantity > 1;
  if (!t.inclusive) {
    const charges2 = [];
    let prior = 0;
    for (const r of t.rates) {
      let tax;
      let taxable = t.base;
      if (r.amount !== null) tax = fixedAmount(r, t.units);
      else {
        const pct2 = r.percent;
        if (r.compound) taxable = t.base + prior;
        if (unit) {
          const d = t.quantity * pct2.den;
          const perUnit = Number.isSafeInteger(d) ? mulDivRound(taxable, pct2.num, d, mode) : roundDiv(BigInt(taxable) * BigInt(pct2.num), BigInt(t.quantity) * BigInt(pct2.den), mode);
          tax = multiplyAmount(perUnit, t.quantity);
        } else tax = mulDivRound(taxable, pct2.num, pct2.den, mode);
      }
      prior += tax;
      charges2.push({ rate: r, tax, taxable });
    }
    return { tax: prior, net: t.base, charges: charges2 };
  }
  let gross = t.base;
  const fixed = [];
  const pcts = [];
  for (const r of t.rates) {
    if (r.amount !== null) {
      const a = Math.min(fixedAmount(r, t.units), Math.max(gross, 0));
      gross -= a;
      fixed.push({ rate: r, tax: a, taxable: 0 });
    } else pcts.push(r);
  }
  let net;
  let taxes;
  if (unit && pcts.length > 0) {
    const f = sumFraction(pcts);
    const q = BigInt(t.quantity);
    if (p.inclusiveTarget === "net") net = multiplyAmount(roundDiv(BigInt(gross) * f.l, q * (f.l + f.k), mode), t.quantity);
    else net = gross - multiplyAmount(roundDiv(BigInt(gross) * f.k, q * (f.l + f.k), mode), t.quantity);
    net = Math.min(Math.max(net, 0), gross);
    taxes = rescale(extractInclusive(gross, pcts.map((r) => r.percent), mode, p.inclusiveTarget).taxes, gross - net);
  } else {
    const ex = extractInclusive(gross, pcts.map((r) => r.percent), mode, p.inclusiveTarget);
    net = ex.net;
    taxes = ex.taxes;
  }
  const charges = [];
  let fi = 0;
  let pi = 0;
  let total = 0;
  for (const r of t.rates) {
    const c = r.amount !== null ? { ...fixed[fi++], taxable: net } : { rate: r, tax: taxes[pi++], taxable: net };
    total += c.tax;
    charges.push(c);
  }
  return { tax: total, net, charges };
}
function rescale(parts, total) {
  if (parts.length === 1) return [total];
  return allocateBig(total, parts.map((x) => BigInt(Math.max(x, 0))));
}
function chargeDocument(items, p) {
  const n = items.length;
  const charges = items.map(() => []);
  const priorOf = (i, rate) => {
    let s = 0;
    for (const c of charges[i]) if (c.rate.index < rate.index) s += c.tax;
    return s;
  };
  const grossLeft = items.map((t) => t.base);
  for (let i = 0; i < n; i++) {
    const t = items[i];
    for (const r of t.rates)
      if (r.amount !== null) {
        const a = t.inclusive ? Math.min(fixedAmount(r, t.units), Math.max(grossLeft[i], 0)) : fixedAmount(r, t.units);
        if (t.inclusive) grossLeft[i] -= a;
        charges[i].push({ rate: r, tax: a, taxable: t.base });
      }
  }
  const incl = items.map((t) => t.inclusive ? sumFraction(t.rates) : null);
  const order = [...new Set(items.flatMap((t) => t.rates.filter((r) => r.percent !== null)))].sort((a, b) => a.index - b.index);
  for (const rate of order) {
    const members = [];
    const nums = [];
    const dens = [];
    for (let i = 0; i < n; i++) {
      const t = items[i];
      if (!t.rates.includes(rate)) continue;
      const pct2 = rate.percent;
      members.push(i);
      if (t.inclusive) {
        const f = incl[i];
        nums.push(BigInt(grossLeft[i]) * BigInt(pct2.num) * f.l / BigInt(pct2.den));
        dens.push(f.l + f.k);
      } else {
        const base = rate.compound ? t.base + priorOf(i, rate) : t.base;
        nums.push(BigInt(base) * BigInt(pct2.num));
        dens.push(BigInt(pct2.den));
      }
    }
    let lcd = 1n;
    for (const d of dens) lcd = lcmBig(lcd, d);
    const weights = nums.map((x, j) => x * (lcd / dens[j]));
    let sum = 0n;
    for (const w of weights) sum += w;
    const pooled = roundDiv(sum, lcd, p.rounding);
    const parts = allocateBig(pooled, weights);
    members.forEach((i, j) => {
      const t = items[i];
      const taxable = !t.inclusive && rate.compound ? t.base + priorOf(i, rate) : t.base;
      charges[i].push({ rate, tax: parts[j], taxable });
    });
  }
  return items.map((t, i) => {
    if (t.rates.length === 0) return { tax: 0, net: t.base, charges: [] };
    const cs = charges[i].sort((a, b) => a.rate.index - b.rate.index);
    let tax = 0;
    for (const c of cs) tax += c.tax;
    if (!t.inclusive) return { tax, net: t.base, charges: cs };
    for (let k = cs.length - 1; k >= 0 && tax > t.base; k--) {
      const cut = Math.min(tax - t.base, cs[k].tax);
      cs[k] = { ...cs[k], tax: cs[k].tax - cut };
      tax -= cut;
    }
    const net = t.base - tax;
    return { tax, net, charges: cs.map((c) => ({ ...c, taxable: net })) };
  });
}
function sumFraction(rates) {
  let l = 1n;
  for (const r of rates) if (r.percent !== null) l = lcmBig(l, BigInt(r.percent.den));
  let k = 0n;
  for (const r of rates) if (r.percent !== null) k += BigInt(r.percent.num) * l / BigInt(r.percent.den);
  return { k, l };
}
function chargeAll(items, p) {
  if (p.taxLevel === TaxLevel.Total) return chargeDocument(items, p);
  return items.map((t) => t.rates.length === 0 ? { ...NONE, net: t.base } : chargeOne(t, p));
}
function outputRate(c, label, moss, inclusive) {
  const r = c.rate;
  return {
    id: r.id,
    rate_percent: r.percentNumber,
    rate_amount: r.amount,
    label,
    tax: c.tax,
    moss,
    jurisdiction: r.jurisdiction,
    inclusive,
    vat_tax: r.vat,
    taxable_amount: c.taxable
  };
}
function taxLines(lines, p) {
  const items = lines.map((l) => ({
    base: l.itemTotal - l.discount,
    quantity: l.quantity,
    units: l.units,
    rates: l.rates,
    inclusive: l.inclusive
  }));
  const charged = chargeAll(items, p);
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    const c = charged[i];
    l.tax = c.tax;
    l.net = c.net;
    l.taxRates = c.charges.map((x) => outputRate(x, x.rate.label, l.moss, l.inclusive));
  }
}

// src/shipping.ts
function tierFor(m, weight) {
  for (const t of m.tiers ?? []) if (t.upTo === null || weight <= t.upTo) return t.cost;
  return void 0;
}
function rawCost(m, units, weight) {
  if (m.type === "fixed") return m.cost;
  if (m.type === "per_item") return units === 0 ? 0 : addAmounts(m.cost, multiplyAmount(m.additionalItemCost ?? m.cost, units - 1));
  return tierFor(m, weight);
}
function shipOrder(store, lines, applied, ctx, dctx, warnings) {
  const shipped = [];
  let itemCount = 0;
  let units = 0;
  let weight = 0;
  let withTax = 0;
  for (const l of lines) {
    if (!l.shipped) continue;
    shipped.push(l);
    itemCount += l.quantity;
    units += l.units;
    weight += l.weight;
    withTax += l.itemTotal - l.discount + (l.inclusive ? 0 : l.tax);
  }
  if (shipped.length === 0) return { hasShipping: false, rates: [], method: null, itemCount: 0 };
  const offered = [];
  for (const m of store.shippingMethods) {
    if (m.countries !== null && !m.countries.has(ctx.shipCountry)) continue;
    const raw = rawCost(m, units, weight);
    if (raw === void 0) continue;
    let cost2 = ctx.converter.convert(raw, m.currency);
    const rate = ctx.converter.rate(m.currency);
    if (cost2 === void 0 || rate === void 0) continue;
    const free = m.freeOver?.get(ctx.currency);
    if (free !== void 0 && withTax >= free) cost2 = 0;
    offered.push({ m, out: { id: m.id, label: m.label, bundling: m.bundling, type: m.type, cost: cost2, convert_from: m.currency, exchange_rate: rate } });
  }
  let chosen = offered[0] ?? null;
  if (ctx.requested !== null) {
    const hit = offered.find((o) => o.m.id === ctx.requested);
    if (hit !== void 0) chosen = hit;
    else warnings.push(issue("shipping_method_unavailable", "shipping.tamio", { id: ctx.requested }));
  }
  let method = chosen?.out ?? null;
  let inclusive = chosen?.m.inclusive ?? store.account.pricesIncludeTax;
  let cost = method?.cost ?? 0;
  let nshiftRate = null;
  if (ctx.nshift !== null) {
    cost = ctx.nshift.cost;
    inclusive = false;
    method = { id: "nshift", label: "nShift", bundling: false, type: "nshift", cost, convert_from: ctx.currency, exchange_rate: 1 };
    if (ctx.nshift.rate !== null && ctx.nshift.rate.num > 0)
      nshiftRate = {
        index: -1,
        id: null,
        label: store.account.shippingTaxLabel,
        jurisdiction: store.account.country,
        category: "shipping",
        percent: ctx.nshift.rate,
        percentNumber: ctx.nshift.rateNumber,
        amount: null,
        vat: true,
        compound: false
      };
  } else if (method === null) warnings.push(issue("no_shipping_method", "shipping"));
  const shares = allocate(cost, shipped.map((l) => l.itemTotal - l.discount), shipped.map((l) => l.quantity));
  shipped.forEach((l, i) => l.shippingSubtotal = shares[i]);
  applyShippingDiscounts(shipped, applied, dctx.currency, dctx.mode);
  const label = store.account.shippingTaxLabel;
  const policy = ctx.policies.shippingTax;
  const shared = /* @__PURE__ */ new Map();
  if (policy === ShippingTax.Highest || policy === ShippingTax.Lowest) {
    const best = /* @__PURE__ */ new Map();
    for (const l of shipped) {
      const s = percentSum(l.rates);
      const b = best.get(l.jurisdiction);
      if (b === void 0 || (policy === ShippingTax.Highest ? compare(s, b) > 0 : compare(s, b) < 0)) {
        best.set(l.jurisdiction, s);
        shared.set(l.jurisdiction, l.rates);
      }
    }
  }
  const nshiftRates = /* @__PURE__ */ new Map();
  const nshiftFor = (l) => {
    const j = l.jurisdiction.slice(0, 2);
    let r = nshiftRates.get(j);
    if (r === void 0) nshiftRates.set(j, r = { ...nshiftRate, jurisdiction: j });
    return r;
  };
  const shippingCache = /* @__PURE__ */ new Map();
  const items = shipped.map((l) => {
    let rates = [];
    if (ctx.exempt) rates = [];
    else if (nshiftRate !== null) rates = ctx.reverseCharge ? [] : [nshiftFor(l)];
    else if (policy !== ShippingTax.None) {
      const goods = shared.get(l.jurisdiction) ?? l.rates;
      let byGoods = shippingCache.get(l.jurisdiction);
      if (byGoods === void 0) {
        byGoods = /* @__PURE__ */ new Map();
        shippingCache.set(l.jurisdiction, byGoods);
      }
      let hit = byGoods.get(goods);
      if (hit === void 0) {
        hit = shippingRatesFor(store, l.jurisdiction, goods, ctx.reverseCharge);
        byGoods.set(goods, hit);
      }
      rates = hit;
    }
    return { base: l.shippingSubtotal - l.shippingDiscount, quantity: 1, units: 0, rates, inclusive };
  });
  const charged = chargeAll(items, ctx.policies);
  shipped.forEach((l, i) => {
    const c = charged[i];
    l.shippingInclusive = inclusive;
    l.shippingTax = c.tax;
    l.shippingNet = c.net;
    l.shippingTaxRates = c.charges.map((x) => outputRate(x, x.rate.category === "shipping" ? x.rate.label : label, l.moss, inclusive));
  });
  return { hasShipping: true, rates: offered.map((o) => o.out), method, itemCount };
}
function percentSum(rates) {
  let n = 0n;
  let d = 1n;
  for (const r of rates)
    if (r.percent !== null) {
      n = n * BigInt(r.percent.den) + BigInt(r.percent.num) * d;
      d *= BigInt(r.percent.den);
    }
  return [n, d];
}
function compare(a, b) {
  const x = a[0] * b[1];
  const y = b[0] * a[1];
  return x < y ? -1 : x > y ? 1 : 0;
}

// src/totals.ts
function lineTotals(l) {
  const subtotal = l.itemTotal - l.discount;
  const itemWithTax = l.inclusive ? subtotal : addAmounts(subtotal, l.tax);
  const shipping = l.shippingSubtotal - l.shippingDiscount;
  const shippingTotal = l.shippingInclusive ? shipping : addAmounts(shipping, l.shippingTax);
  return {
    unit_price: l.unitPrice,
    item_total: l.itemTotal,
    discount: l.discount,
    subtotal,
    tax: l.tax,
    item_total_with_tax: itemWithTax,
    shipping_subtotal: l.shippingSubtotal,
    shipping_discount: l.shippingDiscount,
    shipping,
    shipping_tax: l.shippingTax,
    shipping_total: shippingTotal,
    total: addAmounts(itemWithTax, shippingTotal),
    // OSS lines: the net taxable amount with the line's shipping share, and its item + shipping tax.
    moss_taxable_amount: l.moss ? l.net + l.shippingNet : 0,
    moss_tax_total: l.moss ? l.tax + l.shippingTax : 0,
    exchange_rate: l.exchangeRate,
    price_conversion: l.priceConversion
  };
}
function lineOutput(l, totals, currency) {
  return {
    name: l.name,
    quantity: l.quantity,
    type: l.type,
    classification: l.category,
    discount_allowed: l.discountAllowed,
    is_moss_product: l.isMoss,
    currency,
    id: l.product?.id ?? null,
    taxes: { inclusive: l.inclusive, tax_rates: l.taxRates, shipping_tax_rates: l.shippingTaxRates },
    totals,
    reservations: [],
    discounts: l.discounts,
    has_shipping: l.shipped,
    variation_id: l.variant?.id ?? null,
    is_variant: l.variant !== null,
    pack: l.pack?.id ?? null,
    ean: l.variant?.ean ?? l.product?.ean ?? null,
    sku: l.variant?.sku ?? l.product?.sku ?? null
  };
}
function transactionTotals(lines, totals) {
  let itemTotal = 0, discount = 0, subtotal = 0, tax = 0, withTax = 0, shippingSubtotal = 0, shippingDiscount = 0;
  let shipping = 0, shippingTax = 0, shippingTotal = 0, mossTaxable = 0, mossTax = 0;
  let itemCount = 0;
  let conversion = false;
  let trial = 0;
  let total = 0;
  for (let i = 0; i < totals.length; i++) {
    const t = totals[i];
    const l = lines[i];
    itemTotal += t.item_total;
    discount += t.discount;
    subtotal += t.subtotal;
    tax += t.tax;
    withTax += t.item_total_with_tax;
    shippingSubtotal += t.shipping_subtotal;
    shippingDiscount += t.shipping_discount;
    shipping += t.shipping;
    shippingTax += t.shipping_tax;
    shippingTotal += t.shipping_total;
    mossTaxable += t.moss_taxable_amount;
    mossTax += t.moss_tax_total;
    itemCount += l.quantity;
    if (t.price_conversion) conversion = true;
    if (l.subscriptionTrial) trial += t.total;
    total += t.total;
  }
  return {
    item_total: safe(itemTotal),
    discount: safe(discount),
    subtotal: safe(subtotal),
    tax: safe(tax),
    item_total_with_tax: safe(withTax),
    shipping_subtotal: safe(shippingSubtotal),
    shipping_discount: safe(shippingDiscount),
    shipping: safe(shipping),
    shipping_tax: safe(shippingTax),
    shipping_total: safe(shippingTotal),
    moss_taxable_amount: safe(mossTaxable),
    moss_tax_total: safe(mossTax),
    item_count: safe(itemCount),
    price_conversion: conversion,
    trial_deductions: safe(trial),
    total: safe(total) - trial
  };
}
function safe(n) {
  return Number.isSafeInteger(n) ? n : toAmount(n);
}
function sameRate(x, r) {
  return x.id === r.id && x.label === r.label && x.rate_percent === r.rate_percent && x.rate_amount === r.rate_amount && x.jurisdiction === r.jurisdiction;
}
function aggregateRates(lines, pick2) {
  const byId = /* @__PURE__ */ new Map();
  const order = [];
  let last;
  for (const l of lines) {
    const product = l.product;
    for (const r of pick2(l)) {
      let e = last !== void 0 && sameRate(last.rate, r) ? last : void 0;
      if (e === void 0) {
        let group = byId.get(r.id);
        if (group === void 0) {
          group = [];
          byId.set(r.id, group);
        }
        for (const g of group) {
          if (sameRate(g.rate, r)) {
            e = g;
            break;
          }
        }
        if (e === void 0) {
          e = { rate: r, tax: 0, taxable: 0, applies: [], products: [], seen: null };
          group.push(e);
          order.push(e);
        }
      }
      last = e;
      e.tax += r.tax;
      e.taxable += r.taxable_amount;
      const ps = e.products;
      let fresh;
      if (ps.length < 64) fresh = !ps.includes(product);
      else {
        if (e.seen === null) e.seen = new Set(ps);
        fresh = !e.seen.has(product);
        if (fresh) e.seen.add(product);
      }
      if (fresh) {
        ps.push(product);
        e.applies.push(product === null ? null : product.id);
      }
    }
  }
  return order.map((e) => {
    const r = e.rate;
    return {
      id: r.id,
      rate_percent: r.rate_percent,
      rate_amount: r.rate_amount,
      label: r.label,
      tax: safe(e.tax),
      moss: r.moss,
      jurisdiction: r.jurisdiction,
      inclusive: r.inclusive,
      vat_tax: r.vat_tax,
      taxable_amount: safe(e.taxable),
      applies_to: e.applies
    };
  });
}

// src/trace/exact.ts
function gcd(a, b) {
  if (a < 0n) a = -a;
  while (b !== 0n) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}
function frac(n, d = 1n) {
  let nn = BigInt(n);
  let dd = BigInt(d);
  if (dd < 0n) {
    nn = -nn;
    dd = -dd;
  }
  const g = gcd(nn, dd);
  return g > 1n ? { n: nn / g, d: dd / g } : { n: nn, d: dd };
}
var mul = (a, b) => frac(a.n * b.n, a.d * b.d);
var div = (a, b) => frac(a.n * b.d, a.d * b.n);
var add = (a, b) => frac(a.n * b.d + b.n * a.d, a.d * b.d);
var int = (x) => ({ n: BigInt(x), d: 1n });
function fracText(f) {
  return f.d === 1n ? String(f.n) : `${f.n}/${f.d}`;
}
function parseFrac(s) {
  if (typeof s !== "string" || s.length > 200) return void 0;
  const m = /^(-?\d+)(?:\/(\d+))?$/.exec(s);
  if (m === null) return void 0;
  const d = m[2] === void 0 ? 1n : BigInt(m[2]);
  return d === 0n ? void 0 : frac(BigInt(m[1]), d);
}
function decimalText(f, maxDp = 12) {
  const neg = f.n < 0n;
  const a = neg ? -f.n : f.n;
  const whole = a / f.d;
  let r = a % f.d;
  let digits = "";
  while (r !== 0n && digits.length < maxDp) {
    r *= 10n;
    digits += String(r / f.d);
    r %= f.d;
  }
  const body = digits.length === 0 ? String(whole) : `${whole}.${digits}${r !== 0n ? "\u2026" : ""}`;
  return neg && (whole !== 0n || digits.length > 0) ? `-${body}` : body;
}
function roundFrac(f, mode) {
  return roundDiv(f.n, f.d, mode);
}
function percentFrac(p) {
  const s = String(p);
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(s);
  if (m === null) return frac(0);
  const digits = (m[2] ?? "") + (m[3] ?? "");
  let scale = (m[3] ?? "").length - Number(m[4] ?? 0) + 2;
  let n = BigInt(digits) * (m[1] === "-" ? -1n : 1n);
  if (scale < 0) {
    n *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return frac(n, 10n ** BigInt(scale));
}

// src/trace/path.ts
function valueAt(root, path) {
  let v = root;
  const n = path.length;
  let i = 0;
  while (i < n) {
    const c = path.charCodeAt(i);
    if (c === 46) {
      i++;
      continue;
    }
    if (c === 91) {
      let k = 0;
      let end2 = i + 1;
      for (; end2 < n; end2++) {
        const d = path.charCodeAt(end2);
        if (d === 93) break;
        if (d < 48 || d > 57) return void 0;
        k = k * 10 + (d - 48);
      }
      if (end2 >= n || end2 === i + 1) return void 0;
      if (!Array.isArray(v) || k >= v.length) return void 0;
      v = v[k];
      i = end2 + 1;
      continue;
    }
    let end = i;
    while (end < n) {
      const d = path.charCodeAt(end);
      if (d === 46 || d === 91) break;
      end++;
    }
    const key = path.slice(i, end);
    if (typeof v !== "object" || v === null || Array.isArray(v) || !Object.prototype.hasOwnProperty.call(v, key)) return void 0;
    v = v[key];
    i = end;
  }
  return v;
}
function joinPath2(base, key) {
  if (typeof key === "number") return `${base}[${key}]`;
  return base === "" ? key : `${base}.${key}`;
}
function normalizePath(path) {
  const p = path.trim();
  return p.startsWith("transaction.") ? p.slice("transaction.".length) : p;
}

// src/trace/build.ts
var LEVELS = ["line", "unit", "total"];
var SHIPPING_TAX2 = ["proportional", "highest", "lowest", "none"];
var P = (i) => `products[${i}]`;
var SHOWN_TERMS = 12;
var pct = (p) => `${p ?? 0}%`;
var Builder = class {
  constructor(tx) {
    this.tx = tx;
    this.map = /* @__PURE__ */ new Map();
    this.splits = /* @__PURE__ */ new Map();
  }
  /** The number the transaction holds at `path` (0 when absent or not a number). */
  val(path) {
    const e = this.map.get(path);
    if (e !== void 0) return e.value;
    const v = valueAt(this.tx, path);
    return typeof v === "number" ? v : 0;
  }
  /** Records `d` for `path`, checked against the transaction's own number. */
  put(path, d) {
    const actual = valueAt(this.tx, path);
    if (typeof actual !== "number") return;
    if (d.value === actual) {
      this.map.set(path, d);
      return;
    }
    const note = `${d.note !== void 0 ? `${d.note}; ` : ""}the re-derivation gives ${d.value}`;
    this.map.set(path, { ...d, value: actual, note, unverified: true });
  }
  get(path) {
    return this.map.get(path);
  }
  /** `value = Σ sign × term`, with the terms' numbers shown. */
  sum(path, label, terms, extra = {}) {
    let v = 0;
    let text = "";
    terms.forEach(([t, s], i) => {
      const x = this.val(t);
      v += s * x;
      if (i < SHOWN_TERMS) text += i === 0 ? s < 0 ? `\u2212${x}` : String(x) : ` ${s < 0 ? "\u2212" : "+"} ${x}`;
      else if (i === SHOWN_TERMS) text += ` + \u2026 (${terms.length} terms)`;
    });
    const steps = terms.length === 0 || terms.length === 1 && terms[0][1] === 1 || label === text ? [label] : [label, text];
    this.put(path, { op: "sum", value: v, steps, terms, inputs: terms.map(([t]) => t), ...extra });
  }
  /** Copies the derivation of `from` (a single part) for `path`, which equals it. */
  same(path, from, label) {
    const e = this.get(from);
    if (e === void 0 || e.unverified === true) return this.sum(path, label, [[from, 1]]);
    this.put(path, { ...e, terms: [[from, 1]], inputs: [from] });
  }
};
function rounded(expr, f, mode, extra = {}) {
  const name = ROUNDING_NAMES[mode];
  const dec = decimalText(f);
  return {
    op: "round",
    value: roundFrac(f, mode),
    steps: [`round_${name}(${expr})`, `round(${dec})`],
    exact: fracText(f),
    decimal: dec,
    rounding: name,
    ...extra
  };
}
function commonWeights(fs) {
  let l = 1n;
  for (const f of fs) l = lcmBig(l, f.d);
  return fs.map((f) => f.n * (l / f.d));
}
function buildTrace(src) {
  const { store, lines, policies, currency, transaction: tx } = src;
  const b = new Builder(tx);
  const mode = policies.rounding;
  const name = ROUNDING_NAMES[mode];
  lines.forEach((l, i) => tracePrice(b, store, l, i, currency, policies));
  traceDiscounts(b, src);
  lines.forEach((_, i) => {
    const T = `${P(i)}.totals`;
    b.sum(`${T}.subtotal`, "item_total \u2212 discount", [[`${T}.item_total`, 1], [`${T}.discount`, -1]]);
  });
  traceTaxes(
    b,
    lines.map((l, i) => ({
      ratesPath: `${P(i)}.taxes.tax_rates`,
      totalPath: `${P(i)}.totals.tax`,
      basePath: `${P(i)}.totals.subtotal`,
      baseLabel: "subtotal",
      base: l.itemTotal - l.discount,
      q: l.quantity,
      units: l.units,
      inclusive: l.inclusive,
      outs: l.taxRates,
      none: noTaxReason(l, src.warnings)
    })),
    policies
  );
  traceShipping(b, src);
  const shipped = lines.map((l, i) => ({ l, i })).filter((x) => x.l.shipped);
  traceTaxes(
    b,
    shipped.map(({ l, i }) => ({
      ratesPath: `${P(i)}.taxes.shipping_tax_rates`,
      totalPath: `${P(i)}.totals.shipping_tax`,
      basePath: `${P(i)}.totals.shipping`,
      baseLabel: "shipping",
      base: l.shippingSubtotal - l.shippingDiscount,
      q: 1,
      units: 0,
      inclusive: l.shippingInclusive,
      outs: l.shippingTaxRates,
      none: policies.shippingTax === ShippingTax.None ? 'no tax (shipping_tax "none")' : l.shippingSubtotal - l.shippingDiscount === 0 ? "no shipping to tax" : "no tax rate applies to shipping"
    })),
    policies
  );
  lines.forEach((l, i) => {
    const T = `${P(i)}.totals`;
    if (!l.shipped) b.put(`${T}.shipping_tax`, { op: "given", value: 0, steps: ["0 (not shipped)"] });
    b.sum(`${T}.item_total_with_tax`, l.inclusive ? "subtotal (tax included)" : "subtotal + tax", l.inclusive ? [[`${T}.subtotal`, 1]] : [[`${T}.subtotal`, 1], [`${T}.tax`, 1]]);
    b.sum(
      `${T}.shipping_total`,
      l.shippingInclusive ? "shipping (tax included)" : "shipping + shipping_tax",
      l.shippingInclusive ? [[`${T}.shipping`, 1]] : [[`${T}.shipping`, 1], [`${T}.shipping_tax`, 1]]
    );
    b.sum(`${T}.total`, "item_total_with_tax + shipping_total", [[`${T}.item_total_with_tax`, 1], [`${T}.shipping_total`, 1]]);
    if (l.moss) {
      b.put(`${T}.moss_taxable_amount`, { op: "sum", value: l.net + l.shippingNet, steps: ["net of the goods + net of the shipping share (OSS)", `${l.net} + ${l.shippingNet}`] });
      b.sum(`${T}.moss_tax_total`, "tax + shipping_tax (OSS)", [[`${T}.tax`, 1], [`${T}.shipping_tax`, 1]]);
    } else {
      b.put(`${T}.moss_taxable_amount`, { op: "given", value: 0, steps: ["0 (not taxed under OSS)"] });
      b.put(`${T}.moss_tax_total`, { op: "given", value: 0, steps: ["0 (not taxed under OSS)"] });
    }
  });
  const SUMMED = [
    "item_total",
    "discount",
    "subtotal",
    "tax",
    "item_total_with_tax",
    "shipping_subtotal",
    "shipping_discount",
    "shipping",
    "shipping_tax",
    "shipping_total",
    "moss_taxable_amount",
    "moss_tax_total"
  ];
  for (const k of SUMMED) b.sum(`totals.${k}`, `\u03A3 products[].totals.${k}`, lines.map((_, i) => [`${P(i)}.totals.${k}`, 1]));
  b.sum("totals.item_count", "\u03A3 products[].quantity", lines.map((_, i) => [`${P(i)}.quantity`, 1]));
  const trial = lines.map((l, i) => ({ l, i })).filter((x) => x.l.subscriptionTrial);
  if (trial.length === 0) b.put("totals.trial_deductions", { op: "given", value: 0, steps: ["0 (no subscription line in a trial period)"] });
  else b.sum("totals.trial_deductions", "\u03A3 total of subscription lines in a trial period", trial.map((x) => [`${P(x.i)}.totals.total`, 1]));
  b.sum("totals.total", "\u03A3 products[].totals.total \u2212 trial_deductions", [...lines.map((_, i) => [`${P(i)}.totals.total`, 1]), ["totals.trial_deductions", -1]]);
  traceAggregates(b, lines, tx);
  traceInstalments(b, src);
  const o = policies;
  return {
    version: 1,
    currency,
    options: {
      at: new Date(src.at).toISOString(),
      payment_method: src.paymentMethod,
      strict: src.strict,
      rounding: name,
      tax_rounding: LEVELS[o.taxLevel],
      shipping_tax: SHIPPING_TAX2[o.shippingTax],
      inclusive_rounding: o.inclusiveTarget,
      inclusive_cross_border: o.keepNet ? "keep_net" : "keep_gross",
      instalment_rounding: o.instalmentExact ? "exact" : "tamio"
    },
    amounts: Object.fromEntries(b.map),
    splits: Object.fromEntries(b.splits)
  };
}
function noTaxReason(l, warnings) {
  if (warnings.some((w) => w.code === "tax_exempt")) return "0 (the customer is tax exempt)";
  if (warnings.some((w) => w.code === "reverse_charge")) return "0 (reverse charge: VAT is not charged)";
  return `0 (no tax rate for jurisdiction ${l.jurisdiction}, category ${JSON.stringify(l.category)})`;
}
function tracePrice(b, store, l, i, currency, policies) {
  const T = `${P(i)}.totals`;
  if (l.product === null) {
    b.put(`${T}.unit_price`, { op: "given", value: l.unitPrice, steps: ["the request's price"], source: `request.${l.path}.price` });
  } else {
    const ref = { index: l.index, path: l.path, product: l.product, variant: l.variant, pack: l.pack, quantity: l.quantity };
    const source = `store: ${l.pack !== null ? `pack ${l.pack.id}` : l.variant !== null ? `variant ${l.variant.id}` : `product ${l.product.id}`}`;
    const catalog = unitPriceIn(ref, currency);
    let draft;
    let price2 = catalog;
    if (catalog !== void 0 && !l.priceConversion) {
      draft = { op: "given", value: catalog, steps: [`catalog price in ${currency}`], source };
      if (l.variant !== null && l.product.deltaPricing && l.pack === null) {
        const base = l.product.prices.get(currency) ?? 0;
        draft.steps = ["product price + variant delta", `${base} + ${catalog - base}`];
      } else if (l.pack !== null && l.pack.prices?.get(currency) === void 0) {
        draft.steps = [l.pack.items !== null ? "\u03A3 variant price \xD7 units in the pack" : `unit price \xD7 ${l.pack.units} units in the pack`];
      }
    } else {
      const candidates = [l.product.defaultCurrency, ...l.product.prices.keys(), ...l.variant?.prices.keys() ?? [], ...l.pack?.prices?.keys() ?? []];
      const to = store.exchange.rates.get(currency);
      draft = { op: "given", value: l.unitPrice, steps: ["converted price"], source };
      price2 = void 0;
      for (const from of new Set(candidates)) {
        if (from === null || from === currency || to === void 0) continue;
        const amount = unitPriceIn(ref, from);
        const rate = store.exchange.rates.get(from);
        if (amount === void 0 || rate === void 0) continue;
        const f = conversionFactor(rate, to, currencyExponent(from), currencyExponent(currency));
        const exact = mul(int(amount), frac(f.num, f.den));
        const d = rounded(`${amount} ${from} \xD7 ${decimalText(frac(f.num, f.den))}`, exact, policies.rounding, {
          source: `${source}, converted from ${from} at ${l.exchangeRate ?? "?"} ${currency}/${from}`,
          note: `exchange rate ${l.exchangeRate ?? "?"} (minor units \xD7 ${decimalText(frac(f.num, f.den))})`
        });
        if (price2 === void 0 || d.value === l.unitPrice) {
          draft = d;
          price2 = d.value;
        }
        if (d.value === l.unitPrice) break;
      }
    }
    if (price2 !== void 0 && price2 !== l.unitPrice && !l.inclusive) {
      const origin = ratesFor(store, store.account.country, l.category);
      let gross = price2;
      const perLine = l.units / l.quantity;
      let R = frac(0);
      for (const r of origin) {
        if (r.amount !== null) gross -= r.amount * perLine;
        else if (r.percent !== null) R = add(R, frac(r.percent.num, r.percent.den));
      }
      draft = R.n === 0n || gross <= 0 ? { op: "given", value: Math.max(gross, 0), steps: [`origin net: ${price2} less fixed amounts`] } : rounded(`${gross} / ${decimalText(add(frac(1), R))}`, div(int(gross), add(frac(1), R)), policies.rounding, {
        note: `the inclusive price ${price2} (${draft.steps[0]}) re-priced to its ${store.account.country} net (keep_net, reverse charge or tax exemption)`
      });
    }
    b.put(`${T}.unit_price`, draft);
  }
  b.put(`${T}.item_total`, {
    op: "product",
    value: l.unitPrice * l.quantity,
    steps: ["unit_price \xD7 quantity", `${l.unitPrice} \xD7 ${l.quantity}`],
    inputs: [`${T}.unit_price`, `${P(i)}.quantity`]
  });
}
function traceDiscounts(b, src) {
  const { lines, applied, policies } = src;
  const mode = policies.rounding;
  const running = lines.map(() => 0);
  const next = lines.map(() => 0);
  applied.forEach((a, k) => {
    const d = a.discount;
    if (d.type === "free_shipping" || d.type === "shipping") return;
    const idx = [];
    const bases = [];
    lines.forEach((l, i) => {
      if (!eligible(d, l)) return;
      idx.push(i);
      bases.push(l.itemTotal - running[i]);
    });
    let base = 0;
    for (const x of bases) base += x;
    const D = `discounts[${k}]`;
    let draft;
    if (d.type === "percent" && d.value !== null) {
      draft = rounded(`${base} \xD7 ${d.valueNumber ?? decimalText(frac(d.value.num * 100, d.value.den))}%`, mul(int(base), frac(d.value.num, d.value.den)), mode, {
        note: `base: \u03A3 eligible lines' subtotal before this discount = ${base}`
      });
    } else draft = { op: "given", value: a.amount, steps: [`fixed amount ${a.amount}`], source: `store: discount ${d.code ?? d.id ?? d.label}` };
    const cap = d.maxAmount?.get(src.currency);
    if (cap !== void 0 && draft.value > cap) draft = { ...draft, value: cap, note: `${draft.note ?? ""}${draft.note ? "; " : ""}capped at max_amount ${cap}` };
    if (draft.value > base) draft = { ...draft, value: base, note: `${draft.note ?? ""}${draft.note ? "; " : ""}capped at the base ${base}` };
    b.put(`${D}.amount`, draft);
    const parts = allocate(a.amount, bases);
    const sp = split(b, `${D}.amount`, `${D}.amount`, a.amount, "base", bases, parts);
    idx.forEach((i, j) => {
      const part = parts[j];
      running[i] += part;
      if (part === 0) return;
      b.put(`${P(i)}.discounts[${next[i]++}].amount`, share(sp, j));
    });
  });
  lines.forEach((l, i) => {
    const terms = l.discounts.map((_, j) => [`${P(i)}.discounts[${j}].amount`, 1]).filter((_, j) => l.discounts[j].amount !== 0);
    if (terms.length === 0) b.put(`${P(i)}.totals.discount`, { op: "given", value: 0, steps: ["0 (no discount applied to this line)"] });
    else if (terms.length === 1) b.same(`${P(i)}.totals.discount`, terms[0][0], "the one discount share");
    else b.sum(`${P(i)}.totals.discount`, "\u03A3 discounts[].amount", terms);
  });
}
function split(b, key, of, total, by, weights, parts) {
  let sum = 0n;
  for (const w of weights) sum += BigInt(w);
  const s = { key, of, total, by: sum === 0n ? "equal" : by, weights, parts, sum };
  b.splits.set(key, { of, total, by: s.by, weights: weights.map((x) => String(x)), parts: [...parts] });
  return s;
}
function share(s, index) {
  const w = BigInt(s.weights[index]);
  const allocation = { split: s.key, index, of: s.of, total: s.total, by: s.by };
  if (s.weights.length === 1) return { op: "allocate", value: s.parts[index], steps: [`all of ${s.of} (the only part)`], inputs: [s.of], allocation };
  const exact = s.sum === 0n ? frac(s.total, s.weights.length) : frac(BigInt(s.total) * w, s.sum);
  const dec = decimalText(exact);
  return {
    op: "allocate",
    value: s.parts[index],
    steps: [s.sum === 0n ? `${s.total} / ${s.weights.length} (equal split)` : `${s.total} \xD7 ${w} / ${s.sum} (split of ${s.of} by ${s.by})`, `largest_remainder(${dec})`],
    exact: fracText(exact),
    decimal: dec,
    inputs: [s.of],
    allocation
  };
}
function rawCostSteps(m, units, weight) {
  if (m.type === "fixed") return { value: m.cost, step: `fixed cost ${m.cost} ${m.currency}` };
  if (m.type === "per_item") {
    if (units === 0) return { value: 0, step: "0 (no shipped unit)" };
    const addl = m.additionalItemCost ?? m.cost;
    return { value: m.cost + addl * (units - 1), step: `${m.cost} + ${addl} \xD7 (${units} \u2212 1) (per item, ${m.currency})` };
  }
  for (const t of m.tiers ?? []) if (t.upTo === null || weight <= t.upTo) return { value: t.cost, step: `tier up to ${t.upTo ?? "\u221E"} g for ${weight} g: ${t.cost} ${m.currency}` };
  return { value: void 0, step: "no weight tier" };
}
function traceShipping(b, src) {
  const { store, lines, ship, currency, policies, applied } = src;
  const shipped = lines.map((l, i) => ({ l, i })).filter((x) => x.l.shipped);
  lines.forEach((l, i) => {
    if (l.shipped) return;
    for (const k of ["shipping_subtotal", "shipping_discount", "shipping"])
      b.put(`${P(i)}.totals.${k}`, { op: "given", value: 0, steps: ["0 (not shipped)"] });
  });
  if (!ship.hasShipping) return;
  let units = 0;
  let weight = 0;
  let withTax = 0;
  for (const { l } of shipped) {
    units += l.units;
    weight += l.weight;
    withTax += l.itemTotal - l.discount + (l.inclusive ? 0 : l.tax);
  }
  ship.rates.forEach((r, k) => {
    const m = store.shippingById.get(r.id);
    if (m === void 0) return;
    const raw = rawCostSteps(m, units, weight);
    let d = { op: "given", value: raw.value ?? r.cost, steps: [raw.step], source: `store: shipping method ${m.id}` };
    const to = store.exchange.rates.get(currency);
    const fromRate = store.exchange.rates.get(m.currency);
    if (m.currency !== currency && raw.value !== void 0 && to !== void 0 && fromRate !== void 0) {
      const f = conversionFactor(fromRate, to, currencyExponent(m.currency), currencyExponent(currency));
      d = rounded(`${raw.value} ${m.currency} \xD7 ${decimalText(frac(f.num, f.den))}`, mul(int(raw.value), frac(f.num, f.den)), policies.rounding, {
        note: `${raw.step}; converted at ${r.exchange_rate} ${currency}/${m.currency}`,
        source: `store: shipping method ${m.id}`
      });
    }
    const free = m.freeOver?.get(currency);
    if (free !== void 0 && withTax >= free) d = { op: "given", value: 0, steps: [`0 (free over ${free}: the shipped lines' item_total_with_tax ${withTax} reaches it)`], source: d.source ?? "" };
    b.put(`shipping.shipping_rates[${k}].cost`, d);
  });
  const method = ship.method;
  if (method !== null) {
    const k = ship.rates.findIndex((r) => r.id === method.id);
    if (k >= 0 && method.type !== "nshift") b.same("shipping.shipping_method.cost", `shipping.shipping_rates[${k}].cost`, "the chosen method");
    else b.put("shipping.shipping_method.cost", { op: "given", value: method.cost, steps: ["nShift quote: price + \u03A3 add-on prices"], source: "request.shipping.nshift" });
  }
  const total = method?.cost ?? 0;
  const of = method === null ? "0 (no shipping method)" : "shipping.shipping_method.cost";
  const weights = shipped.map((x) => x.l.itemTotal - x.l.discount);
  const qty = shipped.map((x) => x.l.quantity);
  let sumW = 0;
  for (const w2 of weights) sumW += w2;
  const by = sumW > 0 ? "base" : "quantity";
  const w = sumW > 0 ? weights : qty;
  const parts = allocate(total, weights, qty);
  const sp = split(b, "shipping", of, total, by, w, parts);
  shipped.forEach(({ i }, j) => b.put(`${P(i)}.totals.shipping_subtotal`, share(sp, j)));
  const running = shipped.map(() => 0);
  const next = lines.map((l) => l.discounts.filter((x) => x.amount !== 0).length);
  applied.forEach((a, k) => {
    const d = a.discount;
    if (d.type !== "free_shipping" && d.type !== "shipping") return;
    const D = `discounts[${k}]`;
    const remaining = shipped.map((x, j) => x.l.shippingSubtotal - running[j]);
    let left = 0;
    for (const x of remaining) left += x;
    let draft;
    if (d.type === "free_shipping") draft = { op: "given", value: left, steps: [`the whole remaining shipping ${left} (free shipping)`] };
    else if (d.value !== null)
      draft = rounded(`${left} \xD7 ${d.valueNumber ?? "?"}%`, mul(int(left), frac(d.value.num, d.value.den)), policies.rounding);
    else draft = { op: "given", value: a.shippingAmount, steps: [`fixed amount ${a.shippingAmount} off shipping`] };
    const cap = d.maxAmount?.get(currency);
    if (cap !== void 0 && draft.value > cap) draft = { ...draft, value: cap, note: `capped at max_amount ${cap}` };
    if (draft.value > left) draft = { ...draft, value: left, note: `capped at the shipping ${left}` };
    b.put(`${D}.shipping_amount`, draft);
    if (a.shippingAmount === 0) return;
    const ps = allocate(a.shippingAmount, remaining);
    const sp2 = split(b, `${D}.shipping_amount`, `${D}.shipping_amount`, a.shippingAmount, "remaining shipping", remaining, ps);
    shipped.forEach(({ i }, j) => {
      const part = ps[j];
      running[j] += part;
      if (part === 0) return;
      b.put(`${P(i)}.discounts[${next[i]++}].shipping_amount`, share(sp2, j));
    });
  });
  shipped.forEach(({ l, i }) => {
    const T = `${P(i)}.totals`;
    const terms = l.discounts.map((x, j) => ({ x, j })).filter(({ x }) => x.shipping_amount !== 0).map(({ j }) => [`${P(i)}.discounts[${j}].shipping_amount`, 1]);
    if (terms.length === 0) b.put(`${T}.shipping_discount`, { op: "given", value: 0, steps: ["0 (no shipping discount)"] });
    else b.sum(`${T}.shipping_discount`, "\u03A3 discounts[].shipping_amount", terms);
    b.sum(`${T}.shipping`, "shipping_subtotal \u2212 shipping_discount", [[`${T}.shipping_subtotal`, 1], [`${T}.shipping_discount`, -1]]);
  });
}
function traceTaxes(b, items, p) {
  const mode = p.rounding;
  const name = ROUNDING_NAMES[mode];
  const level = LEVELS[p.taxLevel];
  const prep = items.map((it) => {
    let gross = it.base;
    const fixed = /* @__PURE__ */ new Map();
    const pk = [];
    let R = frac(0);
    it.outs.forEach((o, k) => {
      if (o.rate_amount !== null) {
        const raw = it.units === 0 ? 0 : o.rate_amount * it.units;
        const a = it.inclusive ? Math.min(raw, Math.max(gross, 0)) : raw;
        if (it.inclusive) gross -= a;
        fixed.set(k, a);
      } else {
        pk.push(k);
        R = add(R, percentFrac(o.rate_percent ?? 0));
      }
    });
    return { gross, fixed, pk, R };
  });
  items.forEach((it, i) => {
    const x = prep[i];
    for (const [k, a] of x.fixed) {
      const o = it.outs[k];
      b.put(`${it.ratesPath}[${k}].tax`, {
        op: "product",
        value: a,
        steps: it.units === 0 ? ["0 (a fixed amount never applies to shipping)"] : [`${o.rate_amount} \xD7 ${it.units} units`],
        ...it.inclusive ? { note: "a fixed amount comes out of the gross first" } : {}
      });
    }
  });
  if (p.taxLevel === TaxLevel.Total) tracePooled(b, items, prep, mode, name);
  else
    items.forEach((it, i) => {
      const x = prep[i];
      const unit = p.taxLevel === TaxLevel.Unit && it.q > 1;
      if (!it.inclusive) {
        for (const k of x.pk) {
          const o = it.outs[k];
          const r = percentFrac(o.rate_percent ?? 0);
          const prior = o.taxable_amount - it.base;
          const baseExpr = prior !== 0 ? `(${it.base} + ${prior})` : `${it.base}`;
          const lineF = mul(int(o.taxable_amount), r);
          const path = `${it.ratesPath}[${k}].tax`;
          const inputs = [it.basePath];
          if (unit) {
            const f = div(lineF, int(it.q));
            const d = rounded(`(${baseExpr} / ${it.q}) \xD7 ${pct(o.rate_percent)}`, f, mode, {
              level,
              inputs,
              affine: { offset: 0, factor: it.q },
              alternatives: [{ option: "tax_rounding", choice: "line", value: roundFrac(lineF, mode) }]
            });
            b.put(path, { ...d, value: d.value * it.q, steps: [`${d.steps[0]} \xD7 ${it.q}`, `${d.steps[1]} \xD7 ${it.q}`] });
          } else {
            const alternatives = it.q > 1 ? [{ option: "tax_rounding", choice: "unit", value: roundFrac(div(lineF, int(it.q)), mode) * it.q }] : [];
            b.put(path, rounded(`${baseExpr} \xD7 ${pct(o.rate_percent)}`, lineF, mode, { level, inputs, ...alternatives.length > 0 ? { alternatives } : {} }));
          }
        }
      } else if (x.pk.length > 0) {
        const onePlus = add(frac(1), x.R);
        const g = x.gross;
        let taxTotal;
        let d;
        if (p.inclusiveTarget === "net") {
          const f = unit ? div(int(g), mul(onePlus, int(it.q))) : div(int(g), onePlus);
          const r = rounded(unit ? `(${g} / ${it.q}) / ${decimalText(onePlus)}` : `${g} / ${decimalText(onePlus)}`, f, mode);
          const net = r.value * (unit ? it.q : 1);
          taxTotal = g - net;
          const m = unit ? ` \xD7 ${it.q}` : "";
          d = { ...r, value: taxTotal, steps: [`${g} \u2212 ${r.steps[0]}${m}`, `${g} \u2212 ${r.steps[1]}${m}`], affine: { offset: g, factor: unit ? -it.q : -1 }, level, note: "inclusive: tax = gross \u2212 rounded net" };
        } else {
          const f = unit ? div(mul(int(g), x.R), mul(onePlus, int(it.q))) : div(mul(int(g), x.R), onePlus);
          const r = rounded(`${g} \xD7 ${decimalText(x.R)} / ${decimalText(onePlus)}${unit ? ` / ${it.q}` : ""}`, f, mode);
          taxTotal = r.value * (unit ? it.q : 1);
          d = { ...r, value: taxTotal, steps: unit ? [`${r.steps[0]} \xD7 ${it.q}`, `${r.steps[1]} \xD7 ${it.q}`] : r.steps, affine: { offset: 0, factor: unit ? it.q : 1 }, level, note: 'inclusive (inclusive_rounding "tax"): the tax is rounded' };
        }
        if (x.pk.length === 1) b.put(`${it.ratesPath}[${x.pk[0]}].tax`, { ...d, inputs: [it.basePath] });
        else {
          const rates = x.pk.map((k) => percentFrac(it.outs[k].rate_percent ?? 0));
          let parts;
          let weights;
          if (unit) {
            const lineLevel = extractInclusive(g, rates.map((r) => ({ num: Number(r.n), den: Number(r.d) })), mode, p.inclusiveTarget).taxes;
            weights = lineLevel.map((t) => BigInt(Math.max(t, 0)));
            parts = allocateBig(taxTotal, weights);
          } else {
            weights = commonWeights(rates);
            parts = allocate(taxTotal, weights.map(Number));
          }
          const sp = split(b, `${it.totalPath} by rate`, it.totalPath, taxTotal, "rate", weights, parts);
          x.pk.forEach((k, j) => {
            const s = share(sp, j);
            b.put(`${it.ratesPath}[${k}].tax`, { ...s, steps: [`part ${j + 1} of (${d.steps[0]}) = part ${j + 1} of ${taxTotal}`, ...s.steps.slice(1)], level });
          });
        }
      }
    });
  items.forEach((it) => {
    it.outs.forEach((o, k) => {
      const path = `${it.ratesPath}[${k}].taxable_amount`;
      if (it.inclusive) b.put(path, { op: "sum", value: o.taxable_amount, steps: [`the net of the gross ${it.base}`] });
      else if (o.rate_amount === null && o.taxable_amount !== it.base)
        b.put(path, { op: "sum", value: o.taxable_amount, steps: [`${it.baseLabel} + the rounded taxes before this compound rate`, `${it.base} + ${o.taxable_amount - it.base}`] });
      else b.put(path, { op: "sum", value: it.base, steps: [it.baseLabel], terms: [[it.basePath, 1]], inputs: [it.basePath] });
    });
    if (it.outs.length === 0) b.put(it.totalPath, { op: "given", value: 0, steps: [it.none] });
    else if (it.outs.length === 1) b.same(it.totalPath, `${it.ratesPath}[0].tax`, "the one rate");
    else b.sum(it.totalPath, "\u03A3 rates", it.outs.map((_, k) => [`${it.ratesPath}[${k}].tax`, 1]));
  });
}
function tracePooled(b, items, prep, mode, name) {
  const pools = /* @__PURE__ */ new Map();
  items.forEach((it, i) => {
    const x = prep[i];
    for (const k of x.pk) {
      const o = it.outs[k];
      const key = `${o.id ?? ""}\0${o.label}\0${o.rate_percent ?? ""}\0${o.jurisdiction}\0${o.moss}`;
      const r = percentFrac(o.rate_percent ?? 0);
      const f = it.inclusive ? div(mul(int(x.gross), r), add(frac(1), x.R)) : mul(int(o.taxable_amount), r);
      let pool = pools.get(key);
      if (pool === void 0) pools.set(key, pool = { rate: o.rate_percent, members: [] });
      pool.members.push({ i, k, f });
    }
  });
  let poolIndex = 0;
  for (const pool of pools.values()) {
    let sum = frac(0);
    for (const m of pool.members) sum = add(sum, m.f);
    const pooled = roundFrac(sum, mode);
    const weights = commonWeights(pool.members.map((m) => m.f));
    const parts = allocateBig(pooled, weights);
    let weightSum = 0n;
    for (const w of weights) weightSum += w;
    const splitKey = `${items[pool.members[0].i].ratesPath.replace(/^products\[\d+\]\./, "")} pool ${poolIndex++}`;
    b.splits.set(splitKey, { of: `\u03A3 ${pct(pool.rate)} tax`, total: pooled, by: "exact tax", weights: pool.members.map((x) => decimalText(x.f)), parts: [...parts] });
    const over = `\u03A3 ${pct(pool.rate)} tax over ${pool.members.length} taxable${pool.members.length === 1 ? "" : "s"}`;
    const of = `round_${name}(${over}) = round(${decimalText(sum)}) = ${pooled}`;
    pool.members.forEach((m, j) => {
      const it = items[m.i];
      const dec = decimalText(m.f);
      b.put(`${it.ratesPath}[${m.k}].tax`, {
        op: "allocate",
        value: parts[j],
        steps: pool.members.length === 1 ? [`round_${name}(${over})`, `round(${decimalText(sum)})`] : [`share of ${of}, by exact tax`, `largest_remainder(${decimalText(frac(BigInt(pooled) * weights[j], weightSum || 1n))})`],
        exact: fracText(m.f),
        decimal: dec,
        rounding: name,
        level: "total",
        inputs: [it.basePath],
        allocation: { split: splitKey, index: j, of, total: pooled, by: "exact tax" },
        ...it.inclusive ? {} : { alternatives: [{ option: "tax_rounding", choice: "line", value: roundFrac(m.f, mode) }] }
      });
    });
  }
}
function traceAggregates(b, lines, tx) {
  const key = (r) => `${r.id ?? ""}\0${r.label}\0${r.rate_percent ?? ""}\0${r.rate_amount ?? ""}\0${r.jurisdiction}`;
  for (const kind of ["tax_rates", "shipping_tax_rates"]) {
    tx.taxes[kind].forEach((agg, a) => {
      for (const field of ["tax", "taxable_amount"]) {
        const terms = [];
        lines.forEach((l, i) => {
          const outs = kind === "tax_rates" ? l.taxRates : l.shippingTaxRates;
          outs.forEach((r, k) => {
            if (key(r) === key(agg)) terms.push([`${P(i)}.taxes.${kind}[${k}].${field}`, 1]);
          });
        });
        const path = `taxes.${kind}[${a}].${field}`;
        if (terms.length === 1) b.same(path, terms[0][0], "the one line");
        else b.sum(path, `\u03A3 over the lines' ${kind}`, terms);
      }
    });
  }
}
function traceInstalments(b, src) {
  const tx = src.transaction;
  const mode = src.policies.rounding;
  const total = tx.totals.total;
  tx.instalments.forEach((o, k) => {
    const plan = src.store.plans.find((p) => p.id === o.id);
    if (plan === void 0) return;
    const I = `instalments[${k}]`;
    const n = plan.instalments;
    b.put(`${I}.interest`, rounded(`${total} \xD7 ${decimalText(frac(BigInt(plan.interest.num) * 100n, plan.interest.den), 20)}%`, mul(int(total), frac(plan.interest.num, plan.interest.den)), mode, { inputs: ["totals.total"] }));
    const interest = o.interest;
    const T = total + interest;
    b.put(`${I}.upfront_amount`, rounded(`(${total} + ${interest}) \xD7 ${o.upfront}%`, mul(int(T), frac(plan.upfront.num, plan.upfront.den)), mode, { inputs: ["totals.total", `${I}.interest`] }));
    const upfront = o.upfront_amount;
    const rest = T - upfront;
    const each = rounded(`(${T} \u2212 ${upfront}) / ${n}`, frac(rest, n), Rounding.Floor, { inputs: [`${I}.upfront_amount`] });
    b.put(`${I}.instalments_amount`, { ...each, steps: [`round_floor((${T} \u2212 ${upfront}) / ${n})`, `round(${each.decimal ?? ""})`], rounding: "floor" });
    const tamio = upfront + n * o.instalments_amount;
    const dropped = rest - n * o.instalments_amount;
    if (src.policies.instalmentExact)
      b.put(`${I}.total_amount`, {
        op: "sum",
        value: T,
        steps: ["total + interest", `${total} + ${interest}`],
        inputs: ["totals.total", `${I}.interest`],
        note: `instalment_rounding "exact": the ${dropped} leftover cent(s) go to the first instalments`,
        alternatives: [{ option: "instalment_rounding", choice: "tamio", value: tamio }]
      });
    else
      b.put(`${I}.total_amount`, {
        op: "sum",
        value: tamio,
        steps: ["upfront_amount + instalments \xD7 instalments_amount", `${upfront} + ${n} \xD7 ${o.instalments_amount}`],
        inputs: [`${I}.upfront_amount`, `${I}.instalments_amount`],
        note: `instalment_rounding "tamio" (the API's): ${dropped} cent(s) of total + interest = ${T} are dropped`,
        alternatives: [{ option: "instalment_rounding", choice: "exact", value: T }]
      });
    b.same(`${I}.schedule[0].amount`, `${I}.upfront_amount`, "the upfront amount");
    const amounts = src.policies.instalmentExact ? splitEvenly(rest, n) : new Array(n).fill(o.instalments_amount);
    for (let j = 1; j <= n; j++) {
      const path = `${I}.schedule[${j}].amount`;
      if (src.policies.instalmentExact)
        b.put(path, { op: "allocate", value: amounts[j - 1], steps: [`${rest} split evenly over ${n} instalments (the first ${dropped} get one cent more)`], inputs: [`${I}.upfront_amount`] });
      else b.same(path, `${I}.instalments_amount`, "instalments_amount");
    }
  });
}

// src/estimate.ts
function fail(errors, warnings) {
  return { status: 400, errors, warnings };
}
function estimate(store, request, options = {}) {
  try {
    return run(store, request, options);
  } catch (e) {
    if (e instanceof IssueError) return fail([e.issue], []);
    if (e instanceof MoneyError) {
      const code = e.code === "amount_overflow" ? "amount_overflow" : "invalid_value";
      return fail([issue(code, "", { detail: e.message })], []);
    }
    throw e;
  }
}
function run(store, request, options) {
  const s = prepared(store);
  const r = new Reader();
  const opts = options;
  const o = isObject(opts) ? opts : {};
  if (!isObject(opts) && opts !== void 0) r.add("invalid_type", "options", { expected: "an options object" });
  const policies = readPolicies(r, o, "options", s.account.policies);
  const atRaw = own(o, "at");
  let at;
  if (atRaw === void 0 || atRaw === null) at = Date.now();
  else {
    const parsed = parseInstant(atRaw);
    if (parsed === void 0 || typeof atRaw === "number") {
      r.add("invalid_date", "options.at");
      at = 0;
    } else at = parsed;
  }
  const pm = own(o, "payment_method");
  const paymentMethod = typeof pm === "string" ? pm : null;
  const strict = own(o, "strict") === true;
  const req = readRequest(r, s, request);
  if (req === void 0 || r.issues.length > 0) return fail(r.issues, []);
  const errors = [];
  const warnings = [];
  const places = resolvePlaces(s, req.customer, req.locale, errors, warnings);
  const currency = selectCurrency(s, req);
  if (!s.account.currencies.includes(currency)) errors.push(issue("currency_not_enabled", "currency", { currency }));
  if (errors.length > 0) return fail(errors, warnings);
  const converter = converterTo(s, currency, policies.rounding);
  const lines = atPath("products", () => resolveLines(
    req.lines,
    { currency, convert: req.convert, converter, at, shipCountry: places.shipCountry, pricesIncludeTax: s.account.pricesIncludeTax, locale: places.locale },
    warnings
  ));
  if (lines.length === 0) {
    if (!strict) return fail([issue("no_products", "products")], warnings);
    return fail([...warnings.filter((w) => REJECTION_CODES.has(w.code)), issue("no_products", "products")], warnings.filter((w) => !REJECTION_CODES.has(w.code)));
  }
  atPath(
    "products",
    () => lines.reduce((t, l) => ({ q: addAmounts(t.q, l.quantity), u: addAmounts(t.u, l.units), i: addAmounts(t.i, l.itemTotal) }), { q: 0, u: 0, i: 0 })
  );
  const situation = atPath("products", () => assignJurisdictions(s, lines, places, policies, warnings));
  const dctx = { currency, at, paymentMethod, converter, mode: policies.rounding, noDiscounts: req.noDiscounts };
  const applied = atPath("coupons", () => applyDiscounts(s, lines, req.coupons, dctx, warnings));
  atPath("products", () => taxLines(lines, policies));
  const ship = atPath("shipping", () => shipOrder(
    s,
    lines,
    applied,
    {
      currency,
      shipCountry: places.shipCountry,
      shipState: places.shipState,
      converter,
      policies,
      requested: req.shippingMethodId,
      nshift: req.nshift,
      reverseCharge: situation.reverseCharge,
      exempt: situation.exempt
    },
    dctx,
    warnings
  ));
  if (strict) {
    const rejected = warnings.filter((w) => REJECTION_CODES.has(w.code));
    if (rejected.length > 0) return fail(rejected, warnings.filter((w) => !REJECTION_CODES.has(w.code)));
  }
  const lineTotalsList = lines.map((l) => atPath(l.path, () => lineTotals(l)));
  const totals = atPath("products", () => transactionTotals(lines, lineTotalsList));
  const instalments = atPath("products", () => offerPlans(s.plans, currency, totals.total, policies.rounding, policies.instalmentExact, at));
  const payments = availablePayments(s.account, currency, places.billCountry, totals.total, instalments.length > 0);
  const taxRates = atPath("products", () => aggregateRates(lines, (l) => l.taxRates));
  const shippingTaxRates = atPath("shipping", () => aggregateRates(lines, (l) => l.shippingTaxRates));
  const transaction = {
    object: "transaction",
    affiliate: req.affiliate,
    site: req.page,
    customer_information: places.customerInformation,
    payments,
    locale: places.locale,
    instalments,
    taxes: {
      tax_rates: taxRates,
      shipping_tax_rates: shippingTaxRates,
      has_vat: taxRates.some((x) => x.vat_tax) || shippingTaxRates.some((x) => x.vat_tax)
    },
    shipping: { has_shipping: ship.hasShipping, shipping_rates: ship.rates, item_count: ship.itemCount, shipping_method: ship.method },
    currency,
    products: lines.map((l, i) => lineOutput(l, lineTotalsList[i], currency)),
    totals,
    discounts: applied.map((a) => ({
      id: a.discount.id,
      code: a.discount.code,
      label: a.discount.label,
      type: a.discount.type,
      value: a.discount.valueNumber,
      amount: a.amount,
      shipping_amount: a.shippingAmount,
      // A copy: a caller editing one response must not reach the store or later responses.
      applies_to: a.discount.appliesTo === null ? null : { products: a.discount.appliesTo.products?.slice() ?? null, categories: a.discount.appliesTo.categories?.slice() ?? null }
    })),
    has_subscriptions: lines.some((l) => l.product?.subscription === true)
  };
  if (o.trace === true) {
    const trace = buildTrace({ store: s, lines, applied, ship, policies, currency, at, paymentMethod, strict, warnings, transaction });
    return { status: 200, warnings, transaction, trace };
  }
  return { status: 200, warnings, transaction };
}

// src/summarize.ts
function summarize(response, options = {}) {
  if (response.status !== 200) return response;
  const t = response.transaction;
  const rates = /* @__PURE__ */ new Set();
  for (const r of [...t.taxes.tax_rates, ...t.taxes.shipping_tax_rates]) if (r.rate_percent !== null) rates.add(r.rate_percent);
  const hasAmountRate = [...t.taxes.tax_rates].some((r) => r.rate_amount !== null);
  const available = t.payments;
  const selected = options.payment_method !== void 0 && available.includes(options.payment_method) ? options.payment_method : available[0] ?? null;
  return {
    status: 200,
    warnings: response.warnings,
    transaction: {
      object: "transaction",
      currency: t.currency,
      locale: t.locale,
      has_subscriptions: t.has_subscriptions,
      products: t.products.map((p) => ({ id: p.id, name: p.name, price: p.totals.unit_price, quantity: p.quantity })),
      customer_information: t.customer_information,
      payments: { available, selected },
      taxes: {
        total: t.totals.tax + t.totals.shipping_tax,
        rate: rates.size === 1 && !hasAmountRate ? [...rates][0] : null,
        inclusive: t.products.length > 0 && t.products.every((p) => p.taxes.inclusive)
      },
      totals: {
        subtotal: t.totals.item_total,
        tax: t.totals.tax + t.totals.shipping_tax,
        shipping: t.totals.shipping,
        discount: t.totals.discount + t.totals.shipping_discount,
        total: t.totals.total
      },
      shipping: { method: t.shipping.shipping_method?.label ?? null, cost: t.totals.shipping },
      discounts: t.discounts.length > 0 ? t.discounts : null,
      instalments: t.instalments.length > 0 ? t.instalments : null,
      active_instalment_plan: null,
      affiliate: t.affiliate
    }
  };
}

// src/trace/explain.ts
function isRecord(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
function traceOf(x) {
  if (!isRecord(x)) return void 0;
  const t = Object.prototype.hasOwnProperty.call(x, "trace") ? x.trace : x;
  if (!isRecord(t) || t.version !== 1 || !isRecord(t.amounts) || !isRecord(t.options)) return void 0;
  return t;
}
function entryAt(trace, path) {
  const p = normalizePath(path);
  return Object.prototype.hasOwnProperty.call(trace.amounts, p) ? trace.amounts[p] : void 0;
}
function entryLine(path, e) {
  const last = e.steps[e.steps.length - 1] ?? "";
  const steps = last === String(e.value) ? e.steps.slice(0, -1) : e.steps;
  if (last.startsWith(`${e.value} (`)) return [path, ...steps].join(" = ");
  return [path, ...steps, String(e.value)].join(" = ");
}
var SHOWN_PARTS = 12;
function allocationLine(trace, e) {
  const a = e.allocation;
  const s = a === void 0 || !isRecord(trace.splits) ? void 0 : trace.splits[a.split];
  if (a === void 0 || s === void 0 || s.parts.length < 2) return void 0;
  const list = (xs) => xs.length > SHOWN_PARTS ? `${xs.slice(0, SHOWN_PARTS).join(", ")}, \u2026 (${xs.length})` : xs.join(", ");
  return `split of ${s.total} by ${s.by} [${list(s.weights)}] \u2192 [${list(s.parts)}], this is part ${a.index + 1} (largest remainder, ties to the earlier part)`;
}
function explain(response, path) {
  const p = normalizePath(typeof path === "string" ? path : String(path));
  const trace = traceOf(response);
  if (trace === void 0) return [`${p}: no trace in this response \u2014 estimate with { trace: true } to explain its amounts`];
  const first = entryAt(trace, p);
  if (first === void 0) return [`${p}: not an amount of this transaction (traced amounts are like products[0].totals.tax, totals.total, instalments[0].total_amount)`];
  const out = [];
  const seen = /* @__PURE__ */ new Set();
  const walk = (path2, depth, parent) => {
    const e = entryAt(trace, path2);
    if (e === void 0 || seen.has(path2) || depth > 8) return;
    seen.add(path2);
    if (parent !== void 0 && e.steps.join("\0") === parent.steps.join("\0")) {
      for (const input of e.inputs ?? []) walk(input, depth, e);
      return;
    }
    const pad2 = "  ".repeat(depth);
    out.push(pad2 + entryLine(path2, e));
    const split2 = allocationLine(trace, e);
    if (split2 !== void 0) out.push(`${pad2}  ${split2}`);
    if (e.level !== void 0) out.push(`${pad2}  tax rounding level "${e.level}"`);
    if (e.note !== void 0) out.push(`${pad2}  note: ${e.note}`);
    if (e.source !== void 0) out.push(`${pad2}  from ${e.source}`);
    for (const a of e.alternatives ?? []) out.push(`${pad2}  with ${a.option} "${a.choice}" it would be ${a.value}`);
    for (const input of e.inputs ?? []) walk(input, depth + 1, e);
  };
  walk(p, 0);
  return out;
}

// src/reconcile/compare.ts
function isRecord2(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
function own2(o, k) {
  return Object.prototype.hasOwnProperty.call(o, k) ? o[k] : void 0;
}
function describe(x) {
  if (x === null) return "null";
  if (Array.isArray(x)) return "an array";
  return typeof x === "string" ? "a string" : `a ${typeof x}`;
}
function isCreateShape(tx) {
  const totals = own2(tx, "totals");
  if (isRecord2(totals) && own2(totals, "subtotal") !== void 0 && own2(totals, "item_total") === void 0) return true;
  if (isRecord2(own2(tx, "payments"))) return true;
  const products = own2(tx, "products");
  if (Array.isArray(products) && isRecord2(products[0]) && own2(products[0], "price") !== void 0 && own2(products[0], "totals") === void 0) return true;
  return false;
}
function readEnvelope(x) {
  if (!isRecord2(x)) return `expected a JSON object, got ${describe(x)}`;
  let status = own2(x, "status");
  let tx = own2(x, "transaction");
  const errors = own2(x, "errors");
  if (tx === void 0 && errors === void 0) {
    if (own2(x, "object") === "transaction" || own2(x, "totals") !== void 0 && own2(x, "products") !== void 0) {
      tx = x;
      status = status ?? 200;
    } else return "expected an estimate or create response ({ status, transaction } or a transaction object)";
  }
  if (tx !== void 0 && tx !== null && !isRecord2(tx)) return `"transaction" is ${describe(tx)}, not an object`;
  const t = isRecord2(tx) ? tx : void 0;
  if (t !== void 0 && !isRecord2(own2(t, "totals")) && !Array.isArray(own2(t, "products"))) return '"transaction" has neither totals nor products';
  return { status, transaction: t, errors, shape: t !== void 0 && isCreateShape(t) ? "create" : "estimate" };
}
var SKIP_ROOT = /* @__PURE__ */ new Set(["customer_information", "affiliate", "site"]);
var SKIP_ANY = /* @__PURE__ */ new Set(["due"]);
var MAX_DEPTH = 32;
var MAX_IGNORED = 50;
var lower = (v) => typeof v === "string" ? v.trim().toLowerCase() : typeof v === "number" || typeof v === "boolean" ? String(v) : "";
function keyer(name) {
  const f = (fields, positional) => ({
    key: (x) => isRecord2(x) ? fields.map((k) => lower(own2(x, k))).join("\0") : `${lower(x)}`,
    positional
  });
  switch (name) {
    case "products":
      return {
        key: (x) => isRecord2(x) ? [lower(own2(x, "id") ?? own2(x, "name")), lower(own2(x, "variation_id")), lower(own2(x, "pack"))].join("\0") : `${lower(x)}`,
        positional: false
      };
    case "tax_rates":
    case "shipping_tax_rates":
      return f(["label", "rate_percent", "rate_amount", "jurisdiction"], true);
    case "shipping_rates":
    case "instalments":
      return f(["id"], true);
    case "discounts":
      return { key: (x) => isRecord2(x) ? lower(own2(x, "code") ?? own2(x, "id") ?? own2(x, "label")) : `${lower(x)}`, positional: true };
    default:
      return null;
  }
}
function sameScalar(a, b, tol) {
  if (typeof a === "number" && typeof b === "number") {
    if (a === b) return true;
    return tol > 0 && Number.isInteger(a) && Number.isInteger(b) && Math.abs(a - b) <= tol;
  }
  if (typeof a === "string" && typeof b === "string") return a.trim().toLowerCase() === b.trim().toLowerCase();
  if (typeof a === "number" && typeof b === "string" && b.trim() !== "" && Number.isFinite(Number(b))) return sameScalar(a, Number(b), tol);
  if (typeof b === "number" && typeof a === "string" && a.trim() !== "" && Number.isFinite(Number(a))) return sameScalar(Number(a), b, tol);
  return Object.is(a, b);
}
var KEYERS = /* @__PURE__ */ new Map();
function keyerOf(name) {
  let k = KEYERS.get(name);
  if (k === void 0 && !KEYERS.has(name)) {
    k = keyer(name);
    if (KEYERS.size < 64) KEYERS.set(name, k);
  }
  return k ?? null;
}
function match(theirs, ours, name) {
  const k = keyerOf(name);
  const used = new Array(ours.length).fill(false);
  const out = new Array(theirs.length).fill(void 0);
  if (k === null) {
    theirs.forEach((_, i) => {
      if (i < ours.length) {
        out[i] = i;
        used[i] = true;
      }
    });
    return out;
  }
  const byKey = /* @__PURE__ */ new Map();
  ours.forEach((o, j) => {
    const key = k.key(o);
    const list = byKey.get(key);
    if (list === void 0) byKey.set(key, [j]);
    else list.push(j);
  });
  theirs.forEach((t, i) => {
    const list = byKey.get(k.key(t));
    const j = list?.shift();
    if (j !== void 0) {
      out[i] = j;
      used[j] = true;
    }
  });
  if (k.positional) {
    let free = 0;
    theirs.forEach((_, i) => {
      if (out[i] !== void 0) return;
      let j = i < ours.length && !used[i] ? i : -1;
      if (j < 0) {
        while (free < ours.length && used[free]) free++;
        j = free < ours.length ? free : -1;
      }
      if (j >= 0) {
        out[i] = j;
        used[j] = true;
      }
    });
  }
  return out;
}
function compareValue(c, ours, theirs, tp, op, tol, depth = 0) {
  if (theirs === void 0) return;
  if (ours === void 0) {
    if (c.ignored.length < MAX_IGNORED) c.ignored.push(tp);
    return;
  }
  if (depth > MAX_DEPTH) {
    c.diffs.push({ path: tp, oursPath: op, ours, theirs: "(nested too deep)", kind: "value" });
    return;
  }
  if (Array.isArray(theirs)) {
    if (!Array.isArray(ours)) {
      c.compared++;
      c.diffs.push({ path: tp, oursPath: op, ours, theirs, kind: "value" });
      return;
    }
    const name = tp.slice(tp.lastIndexOf(".") + 1).replace(/\[\d+\]$/, "");
    const pairs = match(theirs, ours, name);
    const used = /* @__PURE__ */ new Set();
    theirs.forEach((t, i) => {
      const j = pairs[i];
      const tpi = joinPath2(tp, i);
      if (j === void 0) {
        c.compared++;
        c.diffs.push({ path: tpi, oursPath: tpi, ours: void 0, theirs: t, kind: "missing" });
        return;
      }
      used.add(j);
      compareValue(c, ours[j], t, tpi, joinPath2(op, j), tol, depth + 1);
    });
    const k = keyerOf(name);
    if (k !== null && used.size < ours.length) {
      const extra = ours.map((_, j) => j).filter((j) => !used.has(j));
      c.diffs.push({ path: tp, oursPath: op, ours: ours.length, theirs: theirs.length, kind: "extra", extraKeys: extra.map((j) => joinPath2(op, j)) });
    }
    return;
  }
  if (isRecord2(theirs)) {
    if (!isRecord2(ours)) {
      c.compared++;
      c.diffs.push({ path: tp, oursPath: op, ours, theirs, kind: "value" });
      return;
    }
    for (const key of Object.keys(theirs)) {
      if (SKIP_ANY.has(key) || tp === "" && SKIP_ROOT.has(key)) continue;
      compareValue(c, own2(ours, key), theirs[key], joinPath2(tp, key), joinPath2(op, key), tol, depth + 1);
    }
    return;
  }
  c.compared++;
  c.pairs?.set(op, tp);
  if (!sameScalar(ours, theirs, tol)) c.diffs.push({ path: tp, oursPath: op, ours, theirs, kind: "value" });
}
function compareEnvelopes(ours, theirs, tol, withPairs = false) {
  const c = { compared: 0, diffs: [], ignored: [], pairs: withPairs ? /* @__PURE__ */ new Map() : void 0 };
  if (theirs.status !== void 0) {
    c.compared++;
    if (!sameScalar(ours.status, theirs.status, 0)) c.diffs.push({ path: "status", oursPath: "status", ours: ours.status, theirs: theirs.status, kind: "value" });
  }
  if (Array.isArray(theirs.errors) && Array.isArray(ours.errors)) {
    const codes = ours.errors.map((e) => isRecord2(e) ? lower(own2(e, "code")) : "");
    theirs.errors.forEach((e, i) => {
      if (!isRecord2(e) || own2(e, "code") === void 0) return;
      c.compared++;
      const k = codes.indexOf(lower(own2(e, "code")));
      if (k >= 0) codes[k] = "\0";
      else c.diffs.push({ path: `errors[${i}].code`, oursPath: `errors[${i}].code`, ours: void 0, theirs: own2(e, "code"), kind: "missing" });
    });
  }
  if (theirs.transaction !== void 0 && ours.transaction !== void 0) compareValue(c, ours.transaction, theirs.transaction, "", "", tol);
  return c;
}

// src/reconcile/hints.ts
var OPTION_CODE = {
  rounding: "rounding_mode",
  tax_rounding: "tax_rounding",
  instalment_rounding: "instalment_rounding",
  shipping_tax: "shipping_tax",
  inclusive_rounding: "inclusive_rounding",
  inclusive_cross_border: "inclusive_cross_border"
};
var num = (v) => typeof v === "number" && Number.isFinite(v) ? v : void 0;
function hint(code, message, option) {
  return option === void 0 ? { code, message } : { code, message, option };
}
function near(a, b, tol) {
  return Math.abs(a - b) <= tol;
}
function percentText(x) {
  return String(Math.round(x * 1e4) / 1e4);
}
function hintFor(ctx, d) {
  try {
    return hintOf(ctx, d);
  } catch {
    return hint("unexplained", "no explanation could be derived for this difference");
  }
}
function hintOf(ctx, d) {
  if (d.path === "status") return statusHint(ctx, d);
  if (d.kind === "missing") return missingHint(d);
  if (d.kind === "extra")
    return hint("extra", `we have ${String(d.ours)} item(s) here, the API ${String(d.theirs)}: ${d.extraKeys?.join(", ") ?? ""} ${d.extraKeys?.length === 1 ? "is" : "are"} ours only`);
  const theirs = num(d.theirs);
  const ours = num(d.ours);
  if (theirs !== void 0) {
    const alts = ctx.alts();
    const all = alts.find((a) => a.diffs.size === 0);
    if (all !== void 0)
      return hint(OPTION_CODE[all.name] ?? "unexplained", `with ${all.name} "${all.value}" the whole response matches the API (this amount would be ${String(valueAt(all.tx, d.oursPath))})`, { name: all.name, value: all.value });
    const one = alts.find((a) => !a.diffs.has(d.path) && [...a.diffs].every((p) => ctx.diffPaths.has(p)));
    if (one !== void 0)
      return hint(OPTION_CODE[one.name] ?? "unexplained", `with ${one.name} "${one.value}" this amount would be ${theirs}, the API's number, and nothing that matches now would change`, { name: one.name, value: one.value });
  }
  if (theirs === void 0 || ours === void 0) return textHint(d);
  if (ctx.shape === "create") return createHint(ctx, d, ours, theirs);
  return amountHint(ctx, d.oursPath, ours, theirs, true);
}
function statusHint(ctx, d) {
  const errs = (x) => {
    const e = isRecord2(x) ? x.errors : void 0;
    return Array.isArray(e) ? e.map((i) => isRecord2(i) ? `${String(i.code)} at ${String(i.path)}` : "?").join("; ") : "";
  };
  if (d.ours === 400) return hint("status", `we answer 400 (${errs(ctx.oursEnvelope)}) where the API answered ${String(d.theirs)}`);
  if (d.theirs === 400) return hint("status", `the API answered 400 (${errs(ctx.theirs)}) where we answer ${String(d.ours)}`);
  return hint("status", `the API answered status ${String(d.theirs)}, we answer ${String(d.ours)}`);
}
function missingHint(d) {
  if (/tax_rates\[\d+\]$/.test(d.path)) {
    const t = isRecord2(d.theirs) ? d.theirs : {};
    return hint("missing_rate", `the API charged a rate we did not (${String(t.label ?? "?")} ${String(t.rate_percent ?? "?")}% in ${String(t.jurisdiction ?? "?")}): a tax rate is missing from the store`);
  }
  if (/^products\[\d+\]$/.test(d.path)) return hint("missing", "the API has a product line we do not (a line we rejected, or a different request)");
  if (/^errors\[\d+\]\.code$/.test(d.path)) return hint("status", `the API reported error ${String(d.theirs)}, we did not`);
  if (/discounts\[\d+\]$/.test(d.path)) return hint("discount_differs", "the API applied a discount we did not: a coupon or automatic discount missing from the store, or not applicable here");
  return hint("missing", "the API has this item, we do not");
}
function textHint(d) {
  const p = d.path;
  if (/(^|\.)payments(\.available)?(\[\d+\])?$/.test(p) || p.endsWith("payments.selected"))
    return hint("store_differs", "the payment methods differ: check the store's account.payment_methods (currencies, countries, min_total, max_total)");
  if (/(exchange_rate|convert_from|price_conversion)$/.test(p)) return hint("conversion", "the currency conversion differs: check the store's exchange_rates");
  if (p.endsWith("currency")) return hint("store_differs", "the transaction currency differs (request.currency, convert_prices, account.currencies)");
  if (/(interval|instalments|offset|upfront|cycle|id)$/.test(p) && p.startsWith("instalments")) return hint("plan_differs", "the instalment plan's configuration differs from the store's instalment_plans");
  return hint("store_differs", `the API has ${JSON.stringify(d.theirs)} where we have ${JSON.stringify(d.ours)}: the store's configuration differs from the API account's`);
}
function createComponents(path) {
  const m = /^products\[(\d+)\]\.price$/.exec(path);
  if (m !== null) return [`products[${m[1]}].totals.unit_price`];
  switch (path) {
    case "totals.subtotal":
      return ["totals.item_total"];
    case "totals.tax":
    case "taxes.total":
      return ["totals.tax", "totals.shipping_tax"];
    case "totals.shipping":
    case "shipping.cost":
      return ["totals.shipping"];
    case "totals.discount":
      return ["totals.discount", "totals.shipping_discount"];
    case "totals.total":
      return ["totals.total"];
    default:
      return path.startsWith("instalments[") || /^products\[\d+\]\.quantity$/.test(path) ? [path] : void 0;
  }
}
function createHint(ctx, d, ours, theirs) {
  if (d.path === "taxes.rate") return hint("rate_differs", `the API reports a single rate of ${theirs}%, we applied ${ours}%`);
  const c = createConsistency(ctx, d.path, theirs);
  if (c !== void 0) return c;
  const parts = createComponents(d.oursPath);
  const trace = ctx.trace();
  if (parts === void 0 || trace === void 0) return amountHint(ctx, d.oursPath, ours, theirs, false);
  const values = parts.map((p) => trace.amounts[p]?.value ?? 0);
  const nonzero = parts.filter((_, i) => values[i] !== 0);
  const target = nonzero.length === 1 ? nonzero[0] : parts[0];
  let others = 0;
  parts.forEach((p, i) => {
    if (p !== target) others += values[i];
  });
  return amountHint(ctx, target, trace.amounts[target]?.value ?? ours - others, theirs - others, false);
}
function createConsistency(ctx, path, theirs) {
  const tx = isRecord2(ctx.theirs) ? ctx.theirs.transaction : void 0;
  const at = (p) => p === path ? theirs : num(valueAt(tx, p));
  const check = (label, expected) => expected !== void 0 && !near(expected, theirs, ctx.tol) ? hint("inconsistent", `the API's own ${label} = ${expected}, not ${theirs}`) : void 0;
  const sum = (ps) => {
    let s = 0;
    for (const [p, sign] of ps) {
      const v = at(p);
      if (v === void 0) return void 0;
      s += sign * v;
    }
    return s;
  };
  switch (path) {
    case "totals.total":
      return check("subtotal + tax + shipping \u2212 discount", sum([["totals.subtotal", 1], ["totals.tax", 1], ["totals.shipping", 1], ["totals.discount", -1]]));
    case "totals.subtotal": {
      const ps = valueAt(tx, "products");
      if (!Array.isArray(ps)) return void 0;
      let s = 0;
      for (const p of ps) {
        const price2 = isRecord2(p) ? num(p.price) : void 0;
        const q = isRecord2(p) ? num(p.quantity) : void 0;
        if (price2 === void 0 || q === void 0) return void 0;
        s += price2 * q;
      }
      return check("\u03A3 products price \xD7 quantity", s);
    }
    case "shipping.cost":
      return check("totals.shipping", at("totals.shipping"));
    case "totals.shipping":
      return check("shipping.cost", at("shipping.cost"));
    case "totals.tax":
      return check("taxes.total", at("taxes.total"));
    case "taxes.total":
      return check("totals.tax", at("totals.tax"));
    default:
      return void 0;
  }
}
function theirsAt(ctx, oursPath) {
  const tp = ctx.pairs().get(oursPath);
  return tp === void 0 ? void 0 : num(valueAt(isRecord2(ctx.theirs) && isRecord2(ctx.theirs.transaction) ? ctx.theirs.transaction : ctx.theirs, tp));
}
var MODES = ROUNDING_NAMES;
function amountHint(ctx, op, ours, theirs, consistency) {
  const e = ctx.trace()?.amounts[op];
  if (e !== void 0) {
    for (const a of e.alternatives ?? [])
      if (near(a.value, theirs, ctx.tol))
        return hint(OPTION_CODE[a.option] ?? "unexplained", `with ${a.option} "${a.choice}" this would be ${a.value}, the API's number (ours: ${e.note ?? entryLine(op, e)})`, { name: a.option, value: a.choice });
    if (consistency) {
      const c = ownConsistency(ctx, e, op, theirs) ?? parentConsistency(ctx, op, theirs);
      if (c !== void 0) return c;
    }
    const r = roundingHint(e, op, theirs, ctx.tol);
    if (r !== void 0) return r;
    if (consistency) {
      const f = followsHint(ctx, e);
      if (f !== void 0) return f;
    }
  }
  const s = semanticHint(ctx, e, op, ours, theirs);
  if (s !== void 0) return s;
  if (e !== void 0) return hint("unexplained", `ours: ${entryLine(op, e)}; no other policy gives ${theirs}`);
  return hint("unexplained", `the API has ${theirs}, we have ${ours}`);
}
var PARENTS = /* @__PURE__ */ new WeakMap();
function parentsOf(trace) {
  let m = PARENTS.get(trace);
  if (m !== void 0) return m;
  m = /* @__PURE__ */ new Map();
  for (const [parent, e] of Object.entries(trace.amounts))
    for (const [p] of e.terms ?? []) {
      const list = m.get(p);
      if (list === void 0) m.set(p, [parent]);
      else list.push(parent);
    }
  PARENTS.set(trace, m);
  return m;
}
function parentConsistency(ctx, op, theirs) {
  const trace = ctx.trace();
  if (trace === void 0) return void 0;
  for (const parent of parentsOf(trace).get(op) ?? []) {
    const e = trace.amounts[parent];
    if (e.terms === void 0) continue;
    const pv = theirsAt(ctx, parent);
    if (pv === void 0) continue;
    let sum = 0;
    let complete = true;
    for (const [p, sign] of e.terms) {
      const v = p === op ? theirs : theirsAt(ctx, p);
      if (v === void 0) {
        complete = false;
        break;
      }
      sum += sign * v;
    }
    if (complete && !near(sum, pv, ctx.tol))
      return hint("inconsistent", `the API's own ${ctx.pairs().get(parent) ?? parent} is ${pv}, but its parts with this ${theirs} give ${sum}`);
  }
  const m = /^(instalments\[\d+\])\.(upfront_amount|instalments_amount)$/.exec(op);
  if (m !== null) {
    const total = theirsAt(ctx, `${m[1]}.total_amount`);
    const n = theirsAt(ctx, `${m[1]}.instalments`);
    const up = m[2] === "upfront_amount" ? theirs : theirsAt(ctx, `${m[1]}.upfront_amount`);
    const each = m[2] === "instalments_amount" ? theirs : theirsAt(ctx, `${m[1]}.instalments_amount`);
    const interest = theirsAt(ctx, `${m[1]}.interest`);
    const t = theirsAt(ctx, "totals.total");
    if (total !== void 0 && n !== void 0 && up !== void 0 && each !== void 0 && up + n * each !== total && !(t !== void 0 && interest !== void 0 && t + interest === total && Math.abs(t + interest - up - n * each) < n))
      return hint("inconsistent", `the API's own total_amount ${total} \u2260 upfront_amount + instalments \xD7 instalments_amount = ${up} + ${n} \xD7 ${each} = ${up + n * each}`);
  }
  return void 0;
}
function roundingHint(e, op, theirs, tol) {
  const f = parseFrac(e.exact);
  if (f === void 0 || e.rounding === void 0) return void 0;
  const offset = e.affine?.offset ?? 0;
  const factor = e.affine?.factor ?? (e.op === "allocate" ? NaN : 1);
  if (!Number.isFinite(factor)) return void 0;
  const modes = MODES.filter((m, i) => m !== e.rounding && near(offset + factor * roundFrac(f, i), theirs, tol));
  if (modes.length === 0) return void 0;
  const fixed = op.endsWith("instalments_amount");
  const what = e.level !== void 0 ? ` (tax rounding level "${e.level}")` : "";
  return hint(
    "rounding_mode",
    `the exact value is ${e.decimal ?? decimalText(f)}${what}: rounding it ${modes.map((m) => `round_${m}`).join(" or ")} gives ${theirs}, we round ${e.rounding}${fixed ? " (SPEC \xA73.7 floors the instalments)" : ""}`,
    fixed ? void 0 : { name: "rounding", value: modes[0] }
  );
}
function ownConsistency(ctx, e, op, theirs) {
  if (e.terms !== void 0 && e.terms.length > 0) {
    let sum = 0;
    const shown = [];
    for (const [p, sign] of e.terms) {
      const v = theirsAt(ctx, p);
      if (v === void 0) return void 0;
      sum += sign * v;
      shown.push(`${ctx.pairs().get(p)} ${v}`);
    }
    if (!near(sum, theirs, ctx.tol)) return hint("inconsistent", `the API's own parts give ${sum}, not ${theirs}: ${shown.join(", ")}`);
    return void 0;
  }
  if (op.endsWith(".item_total") && op.startsWith("products[")) {
    const base = op.slice(0, op.indexOf(".totals"));
    const u = theirsAt(ctx, `${base}.totals.unit_price`);
    const q = theirsAt(ctx, `${base}.quantity`);
    if (u !== void 0 && q !== void 0 && u * q !== theirs) return hint("inconsistent", `the API's own unit_price \xD7 quantity = ${u} \xD7 ${q} = ${u * q}, not ${theirs}`);
  }
  const m = /^(instalments\[\d+\])\.total_amount$/.exec(op);
  if (m !== null) {
    const up = theirsAt(ctx, `${m[1]}.upfront_amount`);
    const each = theirsAt(ctx, `${m[1]}.instalments_amount`);
    const n = theirsAt(ctx, `${m[1]}.instalments`);
    const interest = theirsAt(ctx, `${m[1]}.interest`);
    if (up !== void 0 && each !== void 0 && n !== void 0 && up + n * each !== theirs) {
      const t = interest !== void 0 ? theirsAt(ctx, "totals.total") : void 0;
      if (t === void 0 || interest === void 0 || t + interest !== theirs)
        return hint("inconsistent", `the API's own upfront_amount + instalments \xD7 instalments_amount = ${up} + ${n} \xD7 ${each} = ${up + n * each}, not ${theirs}`);
    }
  }
  return void 0;
}
function followsHint(ctx, e) {
  for (const [p] of e.terms ?? []) {
    const tp = ctx.pairs().get(p);
    if (tp !== void 0 && ctx.diffPaths.has(tp)) return hint("follows", `follows from ${tp}, which differs too`);
  }
  for (const p of e.inputs ?? []) {
    const tp = ctx.pairs().get(p);
    if (tp !== void 0 && ctx.diffPaths.has(tp)) return hint("follows", `follows from ${tp}, which differs too`);
  }
  return void 0;
}
function semanticHint(ctx, e, op, ours, theirs) {
  const last = op.slice(op.lastIndexOf(".") + 1);
  if (last === "rate_percent") return hint("rate_differs", `the API applied ${theirs}%, the store's rate is ${ours}%`);
  if (last === "rate_amount") return hint("rate_differs", `the API's fixed amount per unit is ${theirs}, the store's ${ours}`);
  if (last === "exchange_rate") return hint("conversion", `the API converted at ${theirs}, we at ${ours}: the exchange rates differ`);
  if (last === "quantity" || last === "item_count") return hint("quantity_differs", `the API counts ${theirs}, we count ${ours}: the request (or a pack's units) differs`);
  const plan = /^(instalments\[\d+\])\.total_amount$/.exec(op);
  if (plan !== null) {
    const n = num(valueAt(ctx.ours, `${plan[1]}.instalments`)) ?? 1;
    if (theirs !== ours && Math.abs(theirs - ours) <= n - 1) {
      const choice = theirs < ours ? "tamio" : "exact";
      return hint(
        "instalment_rounding",
        `${Math.abs(theirs - ours)} cent(s) within the n \u2212 1 = ${n - 1} that the instalment rounding decides: "tamio" (the API's) drops (total + interest \u2212 upfront) mod n cents, "exact" keeps them \u2014 the API's looks like "${choice}"`,
        { name: "instalment_rounding", value: choice }
      );
    }
  }
  if (op.startsWith("instalments[") && /^(interval|instalments|offset|upfront)$/.test(last))
    return hint("plan_differs", `the API's plan has ${last} ${theirs}, the store's ${ours}: the instalment plan's configuration differs`);
  if (last.startsWith("moss_")) return hint("moss", ours === 0 ? "the API taxes this line under OSS (at the destination), we do not: check account.eu_oss and is_moss_product" : "we tax this line under OSS, the API differs: check account.eu_oss and is_moss_product");
  if (last === "unit_price") {
    if (e !== void 0 && e.op === "round" && e.source?.includes("converted") === true) {
      const f = parseFrac(e.exact);
      const from = /(\d+) ([A-Z]{3}) ×/.exec(e.steps[0] ?? "");
      if (f !== void 0 && from !== null) {
        const factor = theirs / Number(from[1]);
        return hint("conversion", `we converted ${from[1]} ${from[2]} at ${e.note ?? "?"} = ${ours}; the API's ${theirs} implies a factor of about ${factor.toPrecision(6)}: the exchange rates differ`);
      }
    }
    return hint("price_differs", `the API priced this unit at ${theirs}, the store's ${e?.source?.replace(/^store: /, "") ?? "catalog"} price is ${ours}: the store's pricing differs`);
  }
  if (/^shipping\.(shipping_rates\[\d+\]|shipping_method)\.cost$/.test(op)) return hint("shipping_cost_differs", `the API's shipping costs ${theirs}, the store's method ${ours}: check the shipping method's cost, tiers, free_over and currency`);
  if (last === "shipping_subtotal" && e?.allocation !== void 0) {
    const a = e.allocation;
    const f = parseFrac(e.exact);
    if (f !== void 0 && Math.abs(theirs - Number(f.n) / Number(f.d)) < 1)
      return hint("allocation", `the API split the shipping ${a.total} differently: the exact share is ${e.decimal ?? "?"} (we floor the shares and give the leftover cents to the largest remainders)`);
    return hint("shipping_cost_differs", `the API gives this line ${theirs} of shipping, we ${ours} (our shipping cost ${a.total}, split by ${a.by}): the shipping cost or its split differs`);
  }
  if (/(^|\.)(discount|shipping_discount)$/.test(op) || /discounts\[\d+\]\.(amount|shipping_amount)$/.test(op))
    return hint("discount_differs", `the API's discount is ${theirs}, ours ${ours}: a coupon or automatic discount differs between the store and the API account`);
  if (e?.allocation !== void 0) {
    const f = parseFrac(e.exact);
    if (f !== void 0 && Math.abs(theirs - Number(f.n) / Number(f.d)) < 1)
      return hint("allocation", `the API split ${e.allocation.total} differently: the exact share is ${e.decimal ?? "?"}; we give leftover cents to the largest remainders`);
  }
  if (/(^|\.)(tax|shipping_tax)$/.test(op)) return taxHint(ctx, e, op, ours, theirs);
  return void 0;
}
function taxHint(ctx, e, op, ours, theirs) {
  let taxable;
  let rate;
  const m = /^(.*tax_rates\[\d+\])\.tax$/.exec(op);
  const oursTx = ctx.ours;
  if (m !== null) {
    taxable = num(valueAt(oursTx, `${m[1]}.taxable_amount`));
    rate = String(valueAt(oursTx, `${m[1]}.rate_percent`));
  } else {
    const t = /^(products\[\d+\]\.totals|totals)\.(tax|shipping_tax)$/.exec(op);
    if (t !== null) taxable = num(valueAt(oursTx, `${t[1]}.${t[2] === "tax" ? "subtotal" : "shipping"}`));
  }
  if (ours === 0 && theirs !== 0) {
    const why = e !== void 0 ? ` (${e.steps[0]})` : "";
    return hint("missing_rate", `we charge no tax here${why}; the API charged ${theirs}${taxable !== void 0 && taxable > 0 ? ` = ${percentText(theirs / taxable * 100)}% of ${taxable}` : ""}: a tax rate is missing from the store`);
  }
  if (taxable !== void 0 && taxable > 0)
    return hint("rate_differs", `the API's ${theirs} is ${percentText(theirs / taxable * 100)}% of ${taxable}${rate !== void 0 && rate !== "undefined" ? `, we apply ${rate}%` : `, ours ${percentText(ours / taxable * 100)}%`}: a different rate (or taxable amount)`);
  return void 0;
}

// src/reconcile/index.ts
var ALTERNATIVES = [
  ["instalment_rounding", ["tamio", "exact"]],
  ["tax_rounding", ["line", "unit", "total"]],
  ["rounding", ROUNDING_NAMES],
  ["shipping_tax", ["proportional", "highest", "lowest", "none"]],
  ["inclusive_rounding", ["net", "tax"]],
  ["inclusive_cross_border", ["keep_gross", "keep_net"]]
];
function unreadable(side, why, value) {
  const shown = typeof value === "object" && value !== null ? Array.isArray(value) ? "[array]" : "{object}" : value;
  return {
    matches: false,
    shape: "unknown",
    compared: 0,
    differences: [
      {
        path: "",
        ours: side === "ours" ? shown : null,
        theirs: side === "theirs" ? shown : null,
        delta: null,
        hint: { code: "unreadable", message: `${side === "ours" ? "our response" : "the API response"} cannot be read: ${why}` }
      }
    ],
    ignored: []
  };
}
function relevance(tx, diffPaths) {
  const products = tx !== void 0 && Array.isArray(tx.products) ? tx.products : [];
  const line = (p) => isRecord2(p) ? p : {};
  const inclusive = products.some((p) => {
    const taxes = line(p).taxes;
    return isRecord2(taxes) && (taxes.inclusive === true || Array.isArray(taxes.shipping_tax_rates) && taxes.shipping_tax_rates.some((r) => isRecord2(r) && r.inclusive === true));
  });
  const shipped = products.some((p) => line(p).has_shipping === true);
  const several = products.some((p) => typeof line(p).quantity === "number" && line(p).quantity > 1) || products.length > 1 || shipped;
  const instalments = diffPaths.some((p) => p.startsWith("instalments"));
  return (name) => {
    switch (name) {
      case "instalment_rounding":
        return instalments;
      case "tax_rounding":
        return several;
      case "shipping_tax":
        return shipped;
      case "inclusive_rounding":
        return inclusive;
      case "inclusive_cross_border":
        return inclusive;
      default:
        return true;
    }
  };
}
function baseOptions(trace) {
  const { payment_method, ...rest } = trace.options;
  return payment_method === null ? { ...rest } : { ...rest, payment_method };
}
function reconcile(ours, theirs, options = {}) {
  const opts = isRecord2(options) ? options : {};
  const tol = typeof opts.tolerance === "number" && Number.isFinite(opts.tolerance) && opts.tolerance > 0 ? opts.tolerance : 0;
  const t = readEnvelope(theirs);
  if (typeof t === "string") return unreadable("theirs", t, theirs);
  let o = readEnvelope(ours);
  if (typeof o === "string") return unreadable("ours", o, ours);
  const oursEnvelope = o;
  const oursEstimate = o.transaction;
  const canRerun = opts.store !== void 0 && opts.request !== void 0;
  const ownTrace = traceOf(ours);
  let trace = ownTrace;
  let traced = ownTrace !== void 0;
  const getTrace = () => {
    if (traced) return trace;
    traced = true;
    if (!canRerun) return void 0;
    try {
      const res = estimate(opts.store, opts.request, { ...opts.options ?? {}, trace: true });
      const env = readEnvelope(res);
      if (res.status === 200 && typeof env !== "string" && compareEnvelopes(env, oursEnvelope, 0).diffs.length === 0) trace = res.trace;
    } catch {
      trace = void 0;
    }
    return trace;
  };
  const paymentMethod = () => {
    const fromTrace = ownTrace?.options.payment_method ?? opts.options?.payment_method;
    if (typeof fromTrace === "string") return fromTrace;
    const p = t.transaction !== void 0 ? own2(t.transaction, "payments") : void 0;
    const sel = isRecord2(p) ? own2(p, "selected") : void 0;
    return typeof sel === "string" ? sel : void 0;
  };
  const shaped = (x, env) => {
    if (t.shape !== "create" || env.shape === "create" || env.transaction === void 0) return env;
    const pm = paymentMethod();
    const created = summarize(x, pm === void 0 ? {} : { payment_method: pm });
    const r = readEnvelope(created);
    return typeof r === "string" ? env : r;
  };
  o = shaped(ours, o);
  const c = compareEnvelopes(o, t, tol);
  const diffPaths = new Set(c.diffs.map((d) => d.path));
  let pairsMap;
  let alts;
  const runAlts = () => {
    if (alts !== void 0) return alts;
    alts = [];
    const t0 = getTrace();
    if (!canRerun || t0 === void 0) return alts;
    const base = baseOptions(t0);
    const relevant = relevance(oursEstimate, c.diffs.map((d) => d.path));
    for (const [name, values] of ALTERNATIVES) {
      if (!relevant(name) && !(name === "inclusive_cross_border" && base[name] === "keep_net")) continue;
      const current = base[name];
      for (const value of values) {
        if (value === current) continue;
        try {
          const res = estimate(opts.store, opts.request, { ...base, [name]: value, trace: false });
          const env = readEnvelope(res);
          if (typeof env === "string") continue;
          const s = shaped(res, env);
          const cc = compareEnvelopes(s, t, tol);
          alts.push({ name, value, tx: s.transaction, diffs: new Set(cc.diffs.map((d) => d.path)) });
        } catch {
        }
      }
    }
    return alts;
  };
  const ctx = {
    trace: getTrace,
    shape: t.shape,
    ours: oursEstimate,
    oursEnvelope: ours,
    theirs: t.transaction === void 0 ? theirs : { transaction: t.transaction },
    diffs: c.diffs,
    diffPaths,
    pairs: () => {
      pairsMap ?? (pairsMap = compareEnvelopes(o, t, tol, true).pairs ?? /* @__PURE__ */ new Map());
      return pairsMap;
    },
    alts: runAlts,
    tol
  };
  const differences = c.diffs.map((d) => ({
    path: d.path,
    ours: d.ours,
    theirs: d.theirs,
    delta: typeof d.ours === "number" && typeof d.theirs === "number" ? d.theirs - d.ours : null,
    hint: hintFor(ctx, d)
  }));
  if (c.compared === 0 && differences.length === 0)
    return { ...unreadable("theirs", "it holds no field we compute (nothing to compare)", theirs), shape: t.shape, ignored: c.ignored };
  return { matches: differences.length === 0, shape: t.shape, compared: c.compared, differences, ignored: c.ignored };
}

export { ISSUE_CODES, MoneyError, ROUNDING_NAMES, Rounding, StoreConfigError, addAmounts, addRationals, allocate, allocateBig, conversionFactor, convertAmount, createStore, crossRate, currencyExponent, estimate, explain, extractInclusive, gcdBig, isCurrency, lcmBig, mulDivRound, multiplyAmount, parseDecimal, parsePercent, parseRoundingMode, rational, rationalToNumber, reconcile, roundDiv, splitEvenly, summarize, toAmount };
//# sourceMappingURL=index.js.map
//# sourceMappingURL=index.js.map