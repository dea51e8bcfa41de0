import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * What dispatch asked engineers for, one row per work order (so a republished event or an order first
 * unplaceable then placed counts once): the demand side of coverage. Fed by WorkOrderAssigned and
 * WorkOrderUnassignable (no suitable engineer); jobs without a brand/model need no certified skill.
 */
@Entity('work_order_demand')
@Index('ix_work_order_demand_skill', ['city', 'brand', 'productModel', 'demandDate'])
export class WorkOrderDemand {
  @PrimaryColumn({ type: 'uuid' })
  workOrderId: string;

  @Column({ type: 'text' })
  city: string;

  @Column({ type: 'text' })
  brand: string;

  @Column({ type: 'text' })
  productModel: string;

  /** The appointment day, or the day dispatch gave up when there was none. */
  @Column({ type: 'date' })
  demandDate: string;

  /** Dispatch once found nobody suitable, even if a backup engineer took it later. */
  @Column({ type: 'boolean' })
  unplaced: boolean;
}
