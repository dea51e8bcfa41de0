import 'reflect-metadata';
import { runServiceMain } from '@aftercare/service-runtime';
import { salesService } from './sales.definition';

void runServiceMain(salesService);
