// Citizens: POST /v1/reports through the outbox (kept on the phone until sent).
import { initPage } from './app.js';
import { setUpReportForm } from './report-form.js';

initPage();
setUpReportForm({ path: '/v1/reports', kinds: ['COMPLAINT', 'SERVICE_REQUEST'] });
