export { IMPORT_EXTENSIONS } from './formats/registry';
