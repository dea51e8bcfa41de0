import 'reflect-metadata';
import { runServiceMain } from '@aftercare/service-runtime';
import { valueAddedService } from './value-added.definition';

void runServiceMain(valueAddedService);
