module.exports = require('../../tools/webpack/service.webpack');
