import { describeServiceContract } from '@aftercare/testing';
import { valueAddedService } from './value-added.definition';

describeServiceContract(valueAddedService);
