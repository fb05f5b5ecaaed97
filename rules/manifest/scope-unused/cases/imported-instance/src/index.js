import { waiting } from './queue.js';
import { intakeForms } from './forms.js';

console.log(await waiting(), await intakeForms());
