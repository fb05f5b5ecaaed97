import { DealerBot } from './DealerBot';

const dealer = new DealerBot({ dealerName: process.env.DEALER_NAME ?? 'Autohuis Demo' });
dealer.start();

if (process.argv.includes('--remind')) {
  void dealer.remindOptedIn();
}
