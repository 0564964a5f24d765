// The plugin's generators (Nx finds the plugin through this path in tsconfig.base.json, and them through
// package.json's `generators`).
export { serviceGenerator, type ServiceGeneratorSchema } from './generators/service/generator';
export { commandGenerator, type CommandGeneratorSchema } from './generators/command/generator';
