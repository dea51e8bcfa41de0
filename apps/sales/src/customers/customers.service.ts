import { DataSource, EntityManager } from 'typeorm';
import { findByIds } from '@aftercare/persistence';
import { Injectable, normalisePhone } from '@aftercare/subgraph';
import { Customer } from './customer.entity';

export interface CustomerDetails {
  name: string;
  phone: string;
  city: string;
  address: string;
}

@Injectable()
export class CustomersService {
  constructor(private readonly dataSource: DataSource) {}

  /** The card for this phone number, created on first contact; concurrent first contacts share one card. */
  async findOrCreate(manager: EntityManager, details: CustomerDetails): Promise<Customer> {
    const phone = normalisePhone(details.phone);
    await manager
      .createQueryBuilder()
      .insert()
      .into(Customer)
      .values({ name: details.name.trim(), phone, city: details.city.trim(), address: details.address.trim() })
      .orIgnore()
      .execute();
    return manager.getRepository(Customer).findOneByOrFail({ phone });
  }

  findByIds(ids: readonly string[]): Promise<Customer[]> {
    return findByIds(this.dataSource.getRepository(Customer), ids);
  }
}
