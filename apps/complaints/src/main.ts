import 'reflect-metadata';
import { runServiceMain } from '@aftercare/service-runtime';
import { complaintsService } from './complaints.service';

void runServiceMain(complaintsService);
