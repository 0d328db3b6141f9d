// A plain object (no import from vite): the build is `vite build` with the defaults a shop would use,
// relative asset URLs so dist/ works from any folder of a static server.
export default {
  base: './',
  build: { target: 'es2020' },
}
