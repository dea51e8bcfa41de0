import 'reflect-metadata';
import { runServiceMain } from '@aftercare/service-runtime';
import { salesService } from './sales.service';

void runServiceMain(salesService);
