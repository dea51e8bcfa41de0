import { describeServiceContract } from '@aftercare/testing';
import { serviceDispatchService } from './service-dispatch.definition';

describeServiceContract(serviceDispatchService);
