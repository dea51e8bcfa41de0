import 'reflect-metadata';
import { runServiceMain } from '@aftercare/service-runtime';
import { serviceDispatchService } from './service-dispatch.service';

void runServiceMain(serviceDispatchService);
