import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { byIdLoader, CalendarDateScalar, Guarded, loadOrNotFound, RequestContext } from '@aftercare/subgraph';
import { Engineer } from '../engineers/engineer.entity';
import { EngineersService } from '../engineers/engineers.service';
import { BackupTask } from './backup-task.entity';
import { BackupTasksService } from './backup-tasks.service';
import { BackupCandidate, BackupTimeToFill, FillBackupTaskInput, NeighbouringCitiesInput } from './backup.inputs';

@Resolver(() => BackupTask)
export class BackupTaskResolver {
  constructor(
    private readonly backupTasks: BackupTasksService,
    private readonly engineers: EngineersService,
  ) {}

  @Guarded()
  @Query(() => [BackupTask], { description: 'Searches still open, nearest deadline first.' })
  openBackupTasks(): Promise<BackupTask[]> {
    return this.backupTasks.openTasks();
  }

  @Guarded()
  @Query(() => BackupTask)
  backupTask(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext): Promise<BackupTask> {
    return loadOrNotFound(context, BackupTask, 'BackupTask', id, (ids) => this.backupTasks.findByIds(ids));
  }

  @Guarded()
  @Query(() => [BackupCandidate], { description: 'Nearby skilled engineers (partners first), then engineers of the city to certify.' })
  backupCandidates(@Arg('taskId', () => ID) taskId: string): Promise<BackupCandidate[]> {
    return this.backupTasks.candidates(taskId);
  }

  @Guarded()
  @Mutation(() => BackupTask, { description: 'Puts an engineer on the task; dispatch hears BackupEngineerFound. BACKUP_TASK_NOT_OPEN when closed.' })
  fillBackupTask(@Arg('taskId', () => ID) taskId: string, @Arg('input', () => FillBackupTaskInput) input: FillBackupTaskInput): Promise<BackupTask> {
    return this.backupTasks.fill(taskId, input);
  }

  @Guarded()
  @Mutation(() => [String], { description: 'The cities whose engineers a backup search for this city also asks.' })
  setNeighbouringCities(@Arg('input', () => NeighbouringCitiesInput) input: NeighbouringCitiesInput): Promise<string[]> {
    return this.backupTasks.setNeighbours(input);
  }

  @Guarded()
  @Query(() => BackupTimeToFill, { description: 'For tasks opened from..to (inclusive, China time).' })
  backupTimeToFill(@Arg('from', () => CalendarDateScalar) from: string, @Arg('to', () => CalendarDateScalar) to: string): Promise<BackupTimeToFill> {
    return this.backupTasks.timeToFill(from, to);
  }

  @FieldResolver(() => Engineer, { nullable: true })
  engineer(@Root() task: BackupTask, @Ctx() context: RequestContext): Promise<Engineer | null> {
    if (!task.engineerId) return Promise.resolve(null);
    return byIdLoader(context, Engineer, (ids) => this.engineers.findByIds(ids)).load(task.engineerId);
  }
}
