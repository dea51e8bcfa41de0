import { describeServiceContract } from '@aftercare/testing';
import { complaintsService } from './complaints.service';

describeServiceContract(complaintsService);
