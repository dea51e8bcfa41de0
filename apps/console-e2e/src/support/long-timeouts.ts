// Each suite starts the whole platform, seeds it and drives a browser: minutes, not seconds.
jest.setTimeout(300_000);
