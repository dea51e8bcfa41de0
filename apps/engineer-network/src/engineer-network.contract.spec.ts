import { describeServiceContract } from '@aftercare/testing';
import { engineerNetworkService } from './engineer-network.definition';

describeServiceContract(engineerNetworkService);
