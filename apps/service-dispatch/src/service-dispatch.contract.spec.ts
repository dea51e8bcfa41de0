import { describeServiceContract } from '@aftercare/testing';
import { serviceDispatchService } from './service-dispatch.service';

describeServiceContract(serviceDispatchService);
