// Labels of the relationship trends (map arrows) and the stakeholder history list (English, with
// an Italian translation in translations/it.translation-meta.xml).
import trendImproving from '@salesforce/label/c.Tandem_Trend_Improving';
import trendDecaying from '@salesforce/label/c.Tandem_Trend_Decaying';
import trendSteady from '@salesforce/label/c.Tandem_Trend_Steady';
import trendImprovingShort from '@salesforce/label/c.Tandem_Trend_Improving_Short';
import trendDecayingShort from '@salesforce/label/c.Tandem_Trend_Decaying_Short';
import trendSteadyShort from '@salesforce/label/c.Tandem_Trend_Steady_Short';
import mapLegendTrend from '@salesforce/label/c.Tandem_Map_Legend_Trend';
import historyTitle from '@salesforce/label/c.Tandem_History_Title';
import historyChange from '@salesforce/label/c.Tandem_History_Change';
import historyEmpty from '@salesforce/label/c.Tandem_History_Empty';
import historyLoadError from '@salesforce/label/c.Tandem_History_Load_Error';

export const trendLabels = {
  trendImproving,
  trendDecaying,
  trendSteady,
  trendImprovingShort,
  trendDecayingShort,
  trendSteadyShort,
  mapLegendTrend,
  historyTitle,
  historyChange,
  historyEmpty,
  historyLoadError
};
