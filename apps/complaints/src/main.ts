import 'reflect-metadata';
import { runServiceMain } from '@aftercare/service-runtime';
import { complaintsService } from './complaints.definition';

void runServiceMain(complaintsService);
