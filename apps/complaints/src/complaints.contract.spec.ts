import { describeServiceContract } from '@aftercare/testing';
import { complaintsService } from './complaints.definition';

describeServiceContract(complaintsService);
