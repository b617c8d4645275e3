// Verifies captured webhook deliveries with the Standard Webhooks reference implementation.
// Usage: node verify.js <standardwebhooks package directory> <cases.json>
// Each case: { name, secret, headers, body }. Prints one result per case as a JSON array.
const { Webhook } = require(process.argv[2]);
const cases = JSON.parse(require("fs").readFileSync(process.argv[3], "utf8"));
const results = cases.map((c) => {
  try {
    new Webhook(c.secret).verify(c.body, c.headers);
    return { name: c.name, verified: true };
  } catch (e) {
    return { name: c.name, verified: false, error: String(e.message) };
  }
});
process.stdout.write(JSON.stringify(results));
