import { describeServiceContract } from '@aftercare/testing';
import { salesService } from './sales.definition';

describeServiceContract(salesService);
