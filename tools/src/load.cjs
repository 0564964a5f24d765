// What Nx loads for `nx g @serviceops/tools:<generator>`. Nx has no TypeScript loader of its own in this workspace
// (it looks for @swc-node/register or ts-node, says it found neither, and goes on): the generators are compiled on
// load by infra/register.cjs, the hook the services run with.
'use strict';
require('../../infra/register.cjs');
const { serviceGenerator } = require('./generators/service/generator.ts');
const { commandGenerator } = require('./generators/command/generator.ts');

module.exports = { serviceGenerator, commandGenerator };
