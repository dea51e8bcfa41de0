import 'reflect-metadata';
import { runServiceMain } from '@aftercare/service-runtime';
import { engineerNetworkService } from './engineer-network.service';

void runServiceMain(engineerNetworkService);
