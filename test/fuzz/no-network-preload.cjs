/*
 * Loaded with `node --require` (and so in every worker thread too) by test/privacy.test.ts: any
 * attempt to reach the network fails loudly and is reported on stderr, so a test run proves at run
 * time what the bundle scan shows statically. Local pipes and 127.0.0.1 are let through, as the LSP
 * transports may use them.
 */
'use strict';
const { isMainThread } = require('node:worker_threads');

process.stderr.write(`CSPR-NO-NETWORK-ACTIVE ${isMainThread ? 'main' : 'worker'}\n`);

function blocked(what) {
  process.stderr.write(`CSPR-NETWORK-ATTEMPT ${what}\n`);
  throw new Error(`network use blocked by the privacy test: ${what}`);
}
const LOCAL = new Set(['127.0.0.1', 'localhost', '::1']);

for (const name of ['http', 'https', 'http2']) {
  const mod = require(name);
  for (const fn of ['request', 'get', 'connect']) if (typeof mod[fn] === 'function') mod[fn] = () => blocked(`${name}.${fn}`);
}
const net = require('node:net');
const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  const isPipe = typeof first === 'string' || (first && typeof first === 'object' && typeof first.path === 'string');
  const host = first && typeof first === 'object' ? first.host : typeof args[1] === 'string' ? args[1] : undefined;
  if (!isPipe && !LOCAL.has(host ?? 'localhost')) blocked(`net connect to ${host}`);
  return connect.apply(this, args);
};
const tls = require('node:tls');
tls.connect = () => blocked('tls.connect');
const dgram = require('node:dgram');
dgram.createSocket = () => blocked('dgram.createSocket');
const dns = require('node:dns');
for (const fn of ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny']) {
  dns[fn] = () => blocked(`dns.${fn}`);
  if (dns.promises[fn]) dns.promises[fn] = () => blocked(`dns.promises.${fn}`);
}
globalThis.fetch = () => blocked('fetch');
if ('WebSocket' in globalThis) globalThis.WebSocket = function () { blocked('WebSocket'); };
if ('EventSource' in globalThis) globalThis.EventSource = function () { blocked('EventSource'); };
