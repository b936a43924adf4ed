import { initPage } from './app.js';

initPage();
