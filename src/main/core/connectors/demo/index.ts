// The demo source's public surface: the connector, its generator and the
// scenario vocabulary (brands, categories) that tests and tools refer to.
export { DemoReplySink, DEMO_ACCOUNT } from '../../replies/demo-sink'
export { DemoConnector, checkDemoRate, type DemoConnectorOptions, type DemoScheduler } from './demo'
export {
  createDemoGenerator,
  type DemoGenerator,
  type DemoGeneratorOptions,
  type DemoPhase,
  type GeneratedMention,
} from './generator'
export { BurstTimeline, type Burst, type BurstKind } from './bursts'
export { Rng, WeightedTable, hash32 } from './rng'
export {
  BRANDS,
  BRAND_IDS,
  CATEGORIES,
  DEMO_LANGS,
  type BrandId,
  type BrandScenario,
  type Category,
  type DemoLang,
  type TemplateCategory,
} from './scenario'
