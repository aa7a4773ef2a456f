// A winner-selecting app in one file (Node.js 18+, no packages): verifies every webhook the platform sends and
// picks the winners at random. Usage: node docs/examples/winner-app.js [port] [platform URL]
// (defaults: 9300, http://localhost:8080). docs/webhooks.md says what the platform sends and expects.
const http = require('node:http');
const crypto = require('node:crypto');

const port = Number(process.argv[2] || 9300);
const platform = process.argv[3] || 'http://localhost:8080';
let keys = new Map();

async function key(kid) {
  if (!keys.has(kid)) { // unknown key id: the platform may have rotated its key, fetch the set again
    const set = await (await fetch(platform + '/api/v1/webhooks/keys')).json();
    keys = new Map(set.keys.map((jwk) => [jwk.kid, crypto.createPublicKey({ key: jwk, format: 'jwk' })]));
  }
  return keys.get(kid);
}

async function verified(request, body) {
  const timestamp = request.headers['x-platform-timestamp'] || '';
  if (!/^\d+$/.test(timestamp) || Math.abs(Date.now() / 1000 - Number(timestamp)) > 300) return false;
  const publicKey = await key(request.headers['x-platform-key-id']);
  const signature = Buffer.from(request.headers['x-platform-signature'] || '', 'base64url');
  return publicKey !== undefined
    && crypto.verify(null, Buffer.concat([Buffer.from(timestamp + '.'), body]), publicKey, signature);
}

http.createServer((request, response) => {
  const chunks = [];
  request.on('data', (chunk) => chunks.push(chunk));
  request.on('end', async () => {
    const body = Buffer.concat(chunks);
    if (request.method !== 'POST' || request.url !== '/select' || !(await verified(request, body))) {
      response.writeHead(401).end();
      return;
    }
    const ask = JSON.parse(body);
    const pool = [...ask.participants];
    const winners = [];
    while (winners.length < ask.count && pool.length > 0) {
      const [chosen] = pool.splice(crypto.randomInt(pool.length), 1);
      winners.push({ participantId: chosen.id, prizeId: ask.prize.id, metadata: { pickedBy: 'winner-app.js' } });
    }
    console.log(`${ask.requestId}: ${winners.length} of ${ask.participants.length} win ${ask.prize.id}`);
    response.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ winners }));
  });
}).listen(port, () => console.log(`winner app on http://localhost:${port}/select, keys from ${platform}`));
