// Validates xAPI statements, one JSON object per line on standard input, with Learning Locker's
// conformance-tested validator. Prints each invalid statement with its warnings.
// Usage: node xapi_validate.js < statements.jsonl   (NODE_PATH must reach the package)
const validate = require('@learninglocker/xapi-validation').default;
const lines = require('fs').readFileSync(0, 'utf8').split('\n').filter((l) => l.trim() !== '');
let failed = 0;
lines.forEach((line, i) => {
  let statement;
  try {
    statement = JSON.parse(line);
  } catch (e) {
    console.log(`FAIL: line ${i + 1}: not JSON: ${e.message}`);
    failed++;
    return;
  }
  const warnings = validate(statement);
  if (warnings.length > 0) {
    failed++;
    console.log(`FAIL: line ${i + 1}: ${JSON.stringify(warnings)}`);
  }
});
const kinds = new Set(lines.map((l) => JSON.parse(l).verb.display['en-US']));
console.log(`verbs: ${[...kinds].sort().join(', ')}`);
console.log(`${lines.length - failed} passed, ${failed} failed`);
process.exit(failed > 0 || lines.length === 0 ? 1 : 0);
