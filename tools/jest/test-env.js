// Services under test log only errors unless TEST_LOG_LEVEL asks for more (e.g. TEST_LOG_LEVEL=debug npm test).
process.env.LOG_LEVEL = process.env.TEST_LOG_LEVEL || 'error';
