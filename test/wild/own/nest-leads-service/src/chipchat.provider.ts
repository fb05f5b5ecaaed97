import { Provider } from '@nestjs/common';
import ChipChat from 'chipchat';
import { appConfig } from './config';

export const CHIPCHAT = Symbol('CHIPCHAT');

export const chipchatProvider: Provider = {
  provide: CHIPCHAT,
  useFactory: () => new ChipChat({ token: appConfig.web1on1Token, host: appConfig.web1on1Host }),
};
