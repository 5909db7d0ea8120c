// duban's Cockpit configuration; replaces the webjar's scripts/config.js.
// Each feature adds its own plugin script to customScripts (one line each), relative to the cockpit folder.
export default {
  customScripts: [
  ]
};
