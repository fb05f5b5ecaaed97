import { weeklyReport } from './reports';

weeklyReport()
  .then((counts) => console.log(`conversations this week: ${Object.keys(counts).length}`))
  .catch((err: Error) => console.error('report failed:', err.message));
