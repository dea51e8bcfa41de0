import { describeServiceContract } from '@aftercare/testing';
import { salesService } from './sales.service';

describeServiceContract(salesService);
