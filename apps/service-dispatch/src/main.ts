import 'reflect-metadata';
import { runServiceMain } from '@aftercare/service-runtime';
import { serviceDispatchService } from './service-dispatch.definition';

void runServiceMain(serviceDispatchService);
