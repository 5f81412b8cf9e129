// The job thread's entry. The server is bundled by Vite, but this thread runs the capability
// modules from the sources, compiled on load by tsx (a runtime dependency; the command line
// runs the same way), so it works alike under `vite dev`, the tests and the built app.
import { register } from 'tsx/esm/api';

register();
// a path held in a variable: type checking and bundling leave the .ts import to tsx
const jobs = './run-jobs.ts';
await import(jobs);
