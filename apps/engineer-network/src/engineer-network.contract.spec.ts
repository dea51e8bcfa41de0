import { describeServiceContract } from '@aftercare/testing';
import { engineerNetworkService } from './engineer-network.service';

describeServiceContract(engineerNetworkService);
