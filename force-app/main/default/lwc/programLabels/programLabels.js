// The SAM program page's labels (English, with an Italian translation in
// translations/it.translation-meta.xml). Components read `programLabels.<key>`.
import title from '@salesforce/label/c.Tandem_Program_Title';
import loadError from '@salesforce/label/c.Tandem_Program_Load_Error';
import empty from '@salesforce/label/c.Tandem_Program_Empty';
import asOf from '@salesforce/label/c.Tandem_Program_As_Of';
import growthFaster from '@salesforce/label/c.Tandem_Program_Growth_Faster';
import growthStrategicOnly from '@salesforce/label/c.Tandem_Program_Growth_Strategic_Only';
import growthOtherOnly from '@salesforce/label/c.Tandem_Program_Growth_Other_Only';
import growthNeither from '@salesforce/label/c.Tandem_Program_Growth_Neither';
import growthUnknown from '@salesforce/label/c.Tandem_Program_Growth_Unknown';
import strategicGrowth from '@salesforce/label/c.Tandem_Program_Strategic_Growth';
import otherGrowth from '@salesforce/label/c.Tandem_Program_Other_Growth';
import yearOverYear from '@salesforce/label/c.Tandem_Program_Year_Over_Year';
import revenueShare from '@salesforce/label/c.Tandem_Program_Revenue_Share';
import revenueShareDetail from '@salesforce/label/c.Tandem_Program_Revenue_Share_Detail';
import sponsorCoverage from '@salesforce/label/c.Tandem_Program_Sponsor_Coverage';
import sponsorCoverageDetail from '@salesforce/label/c.Tandem_Program_Sponsor_Coverage_Detail';
import planCoverage from '@salesforce/label/c.Tandem_Program_Plan_Coverage';
import planCoverageDetail from '@salesforce/label/c.Tandem_Program_Plan_Coverage_Detail';
import planHealth from '@salesforce/label/c.Tandem_Program_Plan_Health';
import planHealthDetail from '@salesforce/label/c.Tandem_Program_Plan_Health_Detail';
import strategicCount from '@salesforce/label/c.Tandem_Program_Strategic_Count';
import quartersTitle from '@salesforce/label/c.Tandem_Program_Quarters_Title';
import columnQuarter from '@salesforce/label/c.Tandem_Program_Column_Quarter';
import columnStrategicAccounts from '@salesforce/label/c.Tandem_Program_Column_Strategic_Accounts';
import columnStrategicGrowth from '@salesforce/label/c.Tandem_Program_Column_Strategic_Growth';
import columnOtherGrowth from '@salesforce/label/c.Tandem_Program_Column_Other_Growth';
import columnShare from '@salesforce/label/c.Tandem_Program_Column_Share';
import columnSponsorCoverage from '@salesforce/label/c.Tandem_Program_Column_Sponsor_Coverage';
import columnPlanCoverage from '@salesforce/label/c.Tandem_Program_Column_Plan_Coverage';
import accountsTitle from '@salesforce/label/c.Tandem_Program_Accounts_Title';
import accountsEmpty from '@salesforce/label/c.Tandem_Program_Accounts_Empty';
import columnAccount from '@salesforce/label/c.Tandem_Program_Column_Account';
import columnRevenue from '@salesforce/label/c.Tandem_Program_Column_Revenue';
import columnGrowth from '@salesforce/label/c.Tandem_Program_Column_Growth';
import columnCagr from '@salesforce/label/c.Tandem_Program_Column_Cagr';
import columnScore from '@salesforce/label/c.Tandem_Program_Column_Score';
import columnBalance from '@salesforce/label/c.Tandem_Program_Column_Balance';
import columnSponsor from '@salesforce/label/c.Tandem_Program_Column_Sponsor';
import columnPlan from '@salesforce/label/c.Tandem_Program_Column_Plan';
import noSponsor from '@salesforce/label/c.Tandem_Program_No_Sponsor';
import noPlan from '@salesforce/label/c.Tandem_Program_No_Plan';
import openAccount from '@salesforce/label/c.Tandem_Program_Open_Account';
import candidatesTitle from '@salesforce/label/c.Tandem_Program_Candidates_Title';
import candidatesHelp from '@salesforce/label/c.Tandem_Program_Candidates_Help';
import candidatesEmpty from '@salesforce/label/c.Tandem_Program_Candidates_Empty';
import candidateRank from '@salesforce/label/c.Tandem_Program_Candidate_Rank';
import candidateScore from '@salesforce/label/c.Tandem_Program_Candidate_Score';
import candidateStrongest from '@salesforce/label/c.Tandem_Program_Candidate_Strongest';
import candidatePoints from '@salesforce/label/c.Tandem_Program_Candidate_Points';
import criterionRevenueConcentration from '@salesforce/label/c.Tandem_Program_Criterion_Revenue_Concentration';
import criterionLifetimeValue from '@salesforce/label/c.Tandem_Program_Criterion_Lifetime_Value';
import criterionInfluence from '@salesforce/label/c.Tandem_Program_Criterion_Influence';
import criterionCoInnovation from '@salesforce/label/c.Tandem_Program_Criterion_Co_Innovation';
import criterionCollaboration from '@salesforce/label/c.Tandem_Program_Criterion_Collaboration';
import criterionRisk from '@salesforce/label/c.Tandem_Program_Criterion_Risk';
import nominate from '@salesforce/label/c.Tandem_Program_Nominate';
import nominateFor from '@salesforce/label/c.Tandem_Program_Nominate_For';
import nominated from '@salesforce/label/c.Tandem_Program_Nominated';
import atRiskTitle from '@salesforce/label/c.Tandem_Program_At_Risk_Title';
import atRiskHelp from '@salesforce/label/c.Tandem_Program_At_Risk_Help';
import atRiskEmpty from '@salesforce/label/c.Tandem_Program_At_Risk_Empty';
import riskDecline from '@salesforce/label/c.Tandem_Program_Risk_Decline';
import riskOverdue from '@salesforce/label/c.Tandem_Program_Risk_Overdue';
import riskOverdueNamed from '@salesforce/label/c.Tandem_Program_Risk_Overdue_Named';
import riskNoPlan from '@salesforce/label/c.Tandem_Program_Risk_No_Plan';

export const programLabels = {
  title,
  loadError,
  empty,
  asOf,
  growthFaster,
  growthStrategicOnly,
  growthOtherOnly,
  growthNeither,
  growthUnknown,
  strategicGrowth,
  otherGrowth,
  yearOverYear,
  revenueShare,
  revenueShareDetail,
  sponsorCoverage,
  sponsorCoverageDetail,
  planCoverage,
  planCoverageDetail,
  planHealth,
  planHealthDetail,
  strategicCount,
  quartersTitle,
  columnQuarter,
  columnStrategicAccounts,
  columnStrategicGrowth,
  columnOtherGrowth,
  columnShare,
  columnSponsorCoverage,
  columnPlanCoverage,
  accountsTitle,
  accountsEmpty,
  columnAccount,
  columnRevenue,
  columnGrowth,
  columnCagr,
  columnScore,
  columnBalance,
  columnSponsor,
  columnPlan,
  noSponsor,
  noPlan,
  openAccount,
  candidatesTitle,
  candidatesHelp,
  candidatesEmpty,
  candidateRank,
  candidateScore,
  candidateStrongest,
  candidatePoints,
  criterionRevenueConcentration,
  criterionLifetimeValue,
  criterionInfluence,
  criterionCoInnovation,
  criterionCollaboration,
  criterionRisk,
  nominate,
  nominateFor,
  nominated,
  atRiskTitle,
  atRiskHelp,
  atRiskEmpty,
  riskDecline,
  riskOverdue,
  riskOverdueNamed,
  riskNoPlan
};
