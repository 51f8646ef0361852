// Cockpit's configuration, replacing the empty one in the Camunda webjar (the application's own
// classes come first on the class path). Loads the auditors' plugins: see
// coproduction-audit/plugin.js and the README's "Auditors" section.
export default {
  customScripts: ['scripts/coproduction-audit/plugin.js']
};
