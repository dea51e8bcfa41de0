import 'reflect-metadata';
import { runServiceMain } from '@aftercare/service-runtime';
import { valueAddedService } from './value-added.service';

void runServiceMain(valueAddedService);
