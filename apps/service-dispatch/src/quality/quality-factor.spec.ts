import { NO_QUALITY_DATA, qualityFactorOf } from './quality-factor';

describe('qualityFactorOf', () => {
  it('has no factor without any data', () => {
    expect(qualityFactorOf(NO_QUALITY_DATA)).toMatchObject({ factor: null, complaintScore: null, doubtful: false });
  });

  it('weighs evaluation 30, inspection 30, satisfaction 20 and complaints 20, reweighting over the sources that have data', () => {
    const tally = {
      ...NO_QUALITY_DATA,
      completedJobs: 10,
      evaluations: 4,
      timelyEvaluations: 4,
      evaluationScore: 80,
      inspections: 2,
      inspectionScore: 60,
      surveys: 1,
      satisfactionScore: 50,
      complaints: 1,
      scored: 7,
      perfect: 0,
    };
    // complaints: 100 − 200 × 1/10 = 80; (80×30 + 60×30 + 50×20 + 80×20) / 100 = 68
    expect(qualityFactorOf(tally)).toMatchObject({ factor: 68, complaintScore: 80, timelyEvaluationRate: 1 });
    // Without inspections and surveys: (80×30 + 80×20) / 50 = 80
    expect(qualityFactorOf({ ...tally, inspections: 0, inspectionScore: null, surveys: 0, satisfactionScore: null }).factor).toBe(80);
  });

  it('drives the complaint score to 0 at one complaint per two jobs', () => {
    expect(qualityFactorOf({ ...NO_QUALITY_DATA, completedJobs: 4, complaints: 2 }).complaintScore).toBe(0);
    expect(qualityFactorOf({ ...NO_QUALITY_DATA, completedJobs: 4, complaints: 9 }).complaintScore).toBe(0);
    expect(qualityFactorOf({ ...NO_QUALITY_DATA, completedJobs: 0, complaints: 1 }).factor).toBe(0);
  });

  it('flags a long record of nothing but top marks as doubtful rather than celebrating it', () => {
    const perfect = { ...NO_QUALITY_DATA, completedJobs: 12, evaluations: 10, timelyEvaluations: 10, evaluationScore: 100, scored: 10, perfect: 10 };
    expect(qualityFactorOf(perfect)).toMatchObject({ factor: 100, doubtful: true, doubtfulReason: expect.stringContaining('10') });
    expect(qualityFactorOf({ ...perfect, scored: 9, perfect: 9 }).doubtful).toBe(false);
    expect(qualityFactorOf({ ...perfect, scored: 11, perfect: 10 }).doubtful).toBe(false);
  });
});
