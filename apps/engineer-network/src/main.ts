import 'reflect-metadata';
import { runServiceMain } from '@aftercare/service-runtime';
import { engineerNetworkService } from './engineer-network.definition';

void runServiceMain(engineerNetworkService);
