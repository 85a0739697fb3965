// Stands in for @types/node when tsconfig.core.json compiles src/lib. apache-arrow's declarations
// say `/// <reference types="node" />`; with typeRoots pointing here that reference resolves to
// this empty file, so Node's globals (process, Buffer, require, …) stay unknown to core code.
export {};
