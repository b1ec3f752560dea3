#!/usr/bin/env node
import { eventStoreConfigOf } from '@app/application';
import { createEventStore } from '@app/event-store';
import { runCli } from './cli';

void runCli(process.argv.slice(2), {
  env: process.env,
  openStore: (config) => createEventStore(eventStoreConfigOf(config)),
  out: (line) => console.log(line),
  err: (line) => console.error(line),
})
  .catch((error: unknown) => {
    console.error(error);
    return 1;
  })
  .then((code) => {
    process.exitCode = code;
    // A client that gave up on a silent server may still hold a socket: do not wait for it.
    setTimeout(() => process.exit(code), 2000).unref();
  });
