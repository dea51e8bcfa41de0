import { describeServiceContract } from '@aftercare/testing';
import { valueAddedService } from './value-added.service';

describeServiceContract(valueAddedService);
