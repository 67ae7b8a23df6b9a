// Every user-facing string of the Tandem components, as custom labels (English, with an Italian
// translation in translations/it.translation-meta.xml). Components read `labels.<key>`.
import commonLoading from '@salesforce/label/c.Tandem_Common_Loading';
import commonSave from '@salesforce/label/c.Tandem_Common_Save';
import commonCancel from '@salesforce/label/c.Tandem_Common_Cancel';
import commonNone from '@salesforce/label/c.Tandem_Common_None';
import commonSaved from '@salesforce/label/c.Tandem_Common_Saved';
import commonSaveError from '@salesforce/label/c.Tandem_Common_Save_Error';
import errorGeneric from '@salesforce/label/c.Tandem_Error_Generic';
import errorIcon from '@salesforce/label/c.Tandem_Error_Icon';
import sponsorTitle from '@salesforce/label/c.Tandem_Sponsor_Title';
import sponsorAdd from '@salesforce/label/c.Tandem_Sponsor_Add';
import sponsorEmpty from '@salesforce/label/c.Tandem_Sponsor_Empty';
import sponsorLoadError from '@salesforce/label/c.Tandem_Sponsor_Load_Error';
import sponsorUnknownName from '@salesforce/label/c.Tandem_Sponsor_Unknown_Name';
import sponsorPhotoOf from '@salesforce/label/c.Tandem_Sponsor_Photo_Of';
import sponsorYou from '@salesforce/label/c.Tandem_Sponsor_You';
import sponsorCounterpart from '@salesforce/label/c.Tandem_Sponsor_Counterpart';
import sponsorNoCounterpart from '@salesforce/label/c.Tandem_Sponsor_No_Counterpart';
import sponsorCadence from '@salesforce/label/c.Tandem_Sponsor_Cadence';
import sponsorCadenceEvery from '@salesforce/label/c.Tandem_Sponsor_Cadence_Every';
import sponsorEngagement from '@salesforce/label/c.Tandem_Sponsor_Engagement';
import sponsorStatusUnknown from '@salesforce/label/c.Tandem_Sponsor_Status_Unknown';
import sponsorDaysSince from '@salesforce/label/c.Tandem_Sponsor_Days_Since';
import sponsorNextEngagement from '@salesforce/label/c.Tandem_Sponsor_Next_Engagement';
import sponsorCommitments from '@salesforce/label/c.Tandem_Sponsor_Commitments';
import sponsorLogEngagement from '@salesforce/label/c.Tandem_Sponsor_Log_Engagement';
import sponsorLogEngagementFor from '@salesforce/label/c.Tandem_Sponsor_Log_Engagement_For';
import sponsorLogged from '@salesforce/label/c.Tandem_Sponsor_Logged';
import sponsorEnd from '@salesforce/label/c.Tandem_Sponsor_End';
import sponsorEndFor from '@salesforce/label/c.Tandem_Sponsor_End_For';
import sponsorEndConfirm from '@salesforce/label/c.Tandem_Sponsor_End_Confirm';
import sponsorEnded from '@salesforce/label/c.Tandem_Sponsor_Ended';
import sponsorCreated from '@salesforce/label/c.Tandem_Sponsor_Created';
import sponsorGap from '@salesforce/label/c.Tandem_Sponsor_Gap';
import sponsorFieldSponsor from '@salesforce/label/c.Tandem_Sponsor_Field_Sponsor';
import sponsorFieldCounterpart from '@salesforce/label/c.Tandem_Sponsor_Field_Counterpart';
import sponsorRequired from '@salesforce/label/c.Tandem_Sponsor_Required';
import portfolioTitle from '@salesforce/label/c.Tandem_Portfolio_Title';
import portfolioLoadError from '@salesforce/label/c.Tandem_Portfolio_Load_Error';
import portfolioEmpty from '@salesforce/label/c.Tandem_Portfolio_Empty';
import portfolioSummary from '@salesforce/label/c.Tandem_Portfolio_Summary';
import portfolioList from '@salesforce/label/c.Tandem_Portfolio_List';
import portfolioPlan from '@salesforce/label/c.Tandem_Portfolio_Plan';
import portfolioNoPlan from '@salesforce/label/c.Tandem_Portfolio_No_Plan';
import portfolioLogAt from '@salesforce/label/c.Tandem_Portfolio_Log_At';
import planTitle from '@salesforce/label/c.Tandem_Plan_Title';
import planLoadError from '@salesforce/label/c.Tandem_Plan_Load_Error';
import planNone from '@salesforce/label/c.Tandem_Plan_None';
import planNoneHelp from '@salesforce/label/c.Tandem_Plan_None_Help';
import planCreatePlan from '@salesforce/label/c.Tandem_Plan_Create_Plan';
import planEditPlan from '@salesforce/label/c.Tandem_Plan_Edit_Plan';
import planEditPlanButton from '@salesforce/label/c.Tandem_Plan_Edit_Plan_Button';
import planDefaultName from '@salesforce/label/c.Tandem_Plan_Default_Name';
import planDraftExists from '@salesforce/label/c.Tandem_Plan_Draft_Exists';
import planActivate from '@salesforce/label/c.Tandem_Plan_Activate';
import planActivateTitle from '@salesforce/label/c.Tandem_Plan_Activate_Title';
import planPeriod from '@salesforce/label/c.Tandem_Plan_Period';
import planFieldRevenueTarget from '@salesforce/label/c.Tandem_Plan_Field_Revenue_Target';
import planFieldGovernance from '@salesforce/label/c.Tandem_Plan_Field_Governance';
import planFieldNextReview from '@salesforce/label/c.Tandem_Plan_Field_Next_Review';
import planFieldInfluenceRating from '@salesforce/label/c.Tandem_Plan_Field_Influence_Rating';
import planFieldCoInnovationRating from '@salesforce/label/c.Tandem_Plan_Field_Co_Innovation_Rating';
import planFieldCollaborationRating from '@salesforce/label/c.Tandem_Plan_Field_Collaboration_Rating';
import planFieldRiskRating from '@salesforce/label/c.Tandem_Plan_Field_Risk_Rating';
import planCustomerObjectives from '@salesforce/label/c.Tandem_Plan_Customer_Objectives';
import planValueProposition from '@salesforce/label/c.Tandem_Plan_Value_Proposition';
import planSwot from '@salesforce/label/c.Tandem_Plan_Swot';
import planStrengths from '@salesforce/label/c.Tandem_Plan_Strengths';
import planWeaknesses from '@salesforce/label/c.Tandem_Plan_Weaknesses';
import planOpportunities from '@salesforce/label/c.Tandem_Plan_Opportunities';
import planThreats from '@salesforce/label/c.Tandem_Plan_Threats';
import planSwotEmpty from '@salesforce/label/c.Tandem_Plan_Swot_Empty';
import planMetricsTitle from '@salesforce/label/c.Tandem_Plan_Metrics_Title';
import planNoMetrics from '@salesforce/label/c.Tandem_Plan_No_Metrics';
import planAsOf from '@salesforce/label/c.Tandem_Plan_As_Of';
import planMetricRevenueTtm from '@salesforce/label/c.Tandem_Plan_Metric_Revenue_Ttm';
import planMetricYoy from '@salesforce/label/c.Tandem_Plan_Metric_Yoy';
import planMetricCagr from '@salesforce/label/c.Tandem_Plan_Metric_Cagr';
import planMetricPipeline from '@salesforce/label/c.Tandem_Plan_Metric_Pipeline';
import planMetricCoverage from '@salesforce/label/c.Tandem_Plan_Metric_Coverage';
import planMetricWinRate from '@salesforce/label/c.Tandem_Plan_Metric_Win_Rate';
import planMetricMutualValue from '@salesforce/label/c.Tandem_Plan_Metric_Mutual_Value';
import planMetricScore from '@salesforce/label/c.Tandem_Plan_Metric_Score';
import planMetricOutOfHundred from '@salesforce/label/c.Tandem_Plan_Metric_Out_Of_Hundred';
import planChartHeading from '@salesforce/label/c.Tandem_Plan_Chart_Heading';
import planChartLabel from '@salesforce/label/c.Tandem_Plan_Chart_Label';
import planChartPeriod from '@salesforce/label/c.Tandem_Plan_Chart_Period';
import planChartRevenue from '@salesforce/label/c.Tandem_Plan_Chart_Revenue';
import planChartNoValue from '@salesforce/label/c.Tandem_Plan_Chart_No_Value';
import planChartEmpty from '@salesforce/label/c.Tandem_Plan_Chart_Empty';
import planRecalculate from '@salesforce/label/c.Tandem_Plan_Recalculate';
import planRecalculateTitle from '@salesforce/label/c.Tandem_Plan_Recalculate_Title';
import planSyncInProgress from '@salesforce/label/c.Tandem_Plan_Sync_In_Progress';
import planSyncDone from '@salesforce/label/c.Tandem_Plan_Sync_Done';
import planSyncFailed from '@salesforce/label/c.Tandem_Plan_Sync_Failed';
import planSyncFailedWith from '@salesforce/label/c.Tandem_Plan_Sync_Failed_With';
import planSyncTimedOut from '@salesforce/label/c.Tandem_Plan_Sync_Timed_Out';
import planObjectivesTitle from '@salesforce/label/c.Tandem_Plan_Objectives_Title';
import planNoObjectives from '@salesforce/label/c.Tandem_Plan_No_Objectives';
import planAddObjective from '@salesforce/label/c.Tandem_Plan_Add_Objective';
import planEditObjective from '@salesforce/label/c.Tandem_Plan_Edit_Objective';
import planEditItem from '@salesforce/label/c.Tandem_Plan_Edit_Item';
import planObjectiveDueOn from '@salesforce/label/c.Tandem_Plan_Objective_Due_On';
import planObjectiveOwner from '@salesforce/label/c.Tandem_Plan_Objective_Owner';
import tasksTitle from '@salesforce/label/c.Tandem_Tasks_Title';
import tasksNew from '@salesforce/label/c.Tandem_Tasks_New';
import tasksNewFor from '@salesforce/label/c.Tandem_Tasks_New_For';
import tasksEmpty from '@salesforce/label/c.Tandem_Tasks_Empty';
import tasksDoneShare from '@salesforce/label/c.Tandem_Tasks_Done_Share';
import tasksDue from '@salesforce/label/c.Tandem_Tasks_Due';
import tasksNoDue from '@salesforce/label/c.Tandem_Tasks_No_Due';
import tasksOwner from '@salesforce/label/c.Tandem_Tasks_Owner';
import planProgress from '@salesforce/label/c.Tandem_Plan_Progress';
import planProgressLabel from '@salesforce/label/c.Tandem_Plan_Progress_Label';
import planInitiativesTitle from '@salesforce/label/c.Tandem_Plan_Initiatives_Title';
import planNoInitiatives from '@salesforce/label/c.Tandem_Plan_No_Initiatives';
import planAddInitiative from '@salesforce/label/c.Tandem_Plan_Add_Initiative';
import planEditInitiative from '@salesforce/label/c.Tandem_Plan_Edit_Initiative';
import planInitiativeTargetOn from '@salesforce/label/c.Tandem_Plan_Initiative_Target_On';
import planInitiativeSponsor from '@salesforce/label/c.Tandem_Plan_Initiative_Sponsor';
import planInitiativeCustomerValue from '@salesforce/label/c.Tandem_Plan_Initiative_Customer_Value';
import planInitiativeSupplierValue from '@salesforce/label/c.Tandem_Plan_Initiative_Supplier_Value';
import planRealizedOfTarget from '@salesforce/label/c.Tandem_Plan_Realized_Of_Target';
import mapTitle from '@salesforce/label/c.Tandem_Map_Title';
import mapLoadError from '@salesforce/label/c.Tandem_Map_Load_Error';
import mapEmpty from '@salesforce/label/c.Tandem_Map_Empty';
import mapViewLabel from '@salesforce/label/c.Tandem_Map_View_Label';
import mapViewChart from '@salesforce/label/c.Tandem_Map_View_Chart';
import mapViewTable from '@salesforce/label/c.Tandem_Map_View_Table';
import mapChartLabel from '@salesforce/label/c.Tandem_Map_Chart_Label';
import mapKeyboardHelp from '@salesforce/label/c.Tandem_Map_Keyboard_Help';
import mapCoverageTitle from '@salesforce/label/c.Tandem_Map_Coverage_Title';
import mapNoGaps from '@salesforce/label/c.Tandem_Map_No_Gaps';
import mapGapNoEconomicBuyer from '@salesforce/label/c.Tandem_Map_Gap_No_Economic_Buyer';
import mapGapNoChampion from '@salesforce/label/c.Tandem_Map_Gap_No_Champion';
import mapGapNoOwner from '@salesforce/label/c.Tandem_Map_Gap_No_Owner';
import mapGapWeak from '@salesforce/label/c.Tandem_Map_Gap_Weak';
import mapGapOpposed from '@salesforce/label/c.Tandem_Map_Gap_Opposed';
import mapGapStale from '@salesforce/label/c.Tandem_Map_Gap_Stale';
import mapColName from '@salesforce/label/c.Tandem_Map_Col_Name';
import mapColTitle from '@salesforce/label/c.Tandem_Map_Col_Title';
import mapColReportsTo from '@salesforce/label/c.Tandem_Map_Col_Reports_To';
import mapColRole from '@salesforce/label/c.Tandem_Map_Col_Role';
import mapColInfluence from '@salesforce/label/c.Tandem_Map_Col_Influence';
import mapColAttitude from '@salesforce/label/c.Tandem_Map_Col_Attitude';
import mapColStrength from '@salesforce/label/c.Tandem_Map_Col_Strength';
import mapColOwner from '@salesforce/label/c.Tandem_Map_Col_Owner';
import mapColLastInteraction from '@salesforce/label/c.Tandem_Map_Col_Last_Interaction';
import mapInfluenceShort from '@salesforce/label/c.Tandem_Map_Influence_Short';
import mapDaysAgo from '@salesforce/label/c.Tandem_Map_Days_Ago';
import mapStaleDaysAgo from '@salesforce/label/c.Tandem_Map_Stale_Days_Ago';
import mapNoInteraction from '@salesforce/label/c.Tandem_Map_No_Interaction';
import mapNoOwner from '@salesforce/label/c.Tandem_Map_No_Owner';
import mapNotMapped from '@salesforce/label/c.Tandem_Map_Not_Mapped';
import mapNotMappedShort from '@salesforce/label/c.Tandem_Map_Not_Mapped_Short';
import mapEditPerson from '@salesforce/label/c.Tandem_Map_Edit_Person';
import mapAddPerson from '@salesforce/label/c.Tandem_Map_Add_Person';
import mapSaved from '@salesforce/label/c.Tandem_Map_Saved';
import mapLinksTitle from '@salesforce/label/c.Tandem_Map_Links_Title';
import mapLinkType from '@salesforce/label/c.Tandem_Map_Link_Type';
import mapLinkTarget from '@salesforce/label/c.Tandem_Map_Link_Target';
import mapLinkAdd from '@salesforce/label/c.Tandem_Map_Link_Add';
import mapLinkChooseTarget from '@salesforce/label/c.Tandem_Map_Link_Choose_Target';
import mapLinkIncoming from '@salesforce/label/c.Tandem_Map_Link_Incoming';
import mapLinkRemoveTitle from '@salesforce/label/c.Tandem_Map_Link_Remove_Title';
import valueRoleEconomicBuyer from '@salesforce/label/c.Tandem_Value_Role_Economic_Buyer';
import valueRoleDecisionMaker from '@salesforce/label/c.Tandem_Value_Role_Decision_Maker';
import valueRoleTechnicalEvaluator from '@salesforce/label/c.Tandem_Value_Role_Technical_Evaluator';
import valueRoleInfluencer from '@salesforce/label/c.Tandem_Value_Role_Influencer';
import valueRoleChampion from '@salesforce/label/c.Tandem_Value_Role_Champion';
import valueRoleCoach from '@salesforce/label/c.Tandem_Value_Role_Coach';
import valueRoleGatekeeper from '@salesforce/label/c.Tandem_Value_Role_Gatekeeper';
import valueRoleBlocker from '@salesforce/label/c.Tandem_Value_Role_Blocker';
import valueRoleEndUser from '@salesforce/label/c.Tandem_Value_Role_End_User';
import valueInfluenceHigh from '@salesforce/label/c.Tandem_Value_Influence_High';
import valueInfluenceMedium from '@salesforce/label/c.Tandem_Value_Influence_Medium';
import valueInfluenceLow from '@salesforce/label/c.Tandem_Value_Influence_Low';
import valueAttitudeAdvocate from '@salesforce/label/c.Tandem_Value_Attitude_Advocate';
import valueAttitudeSupporter from '@salesforce/label/c.Tandem_Value_Attitude_Supporter';
import valueAttitudeNeutral from '@salesforce/label/c.Tandem_Value_Attitude_Neutral';
import valueAttitudeSkeptic from '@salesforce/label/c.Tandem_Value_Attitude_Skeptic';
import valueAttitudeDetractor from '@salesforce/label/c.Tandem_Value_Attitude_Detractor';
import valueAttitudeUnknown from '@salesforce/label/c.Tandem_Value_Attitude_Unknown';
import valueStrengthStrong from '@salesforce/label/c.Tandem_Value_Strength_Strong';
import valueStrengthMedium from '@salesforce/label/c.Tandem_Value_Strength_Medium';
import valueStrengthWeak from '@salesforce/label/c.Tandem_Value_Strength_Weak';
import valueStrengthNone from '@salesforce/label/c.Tandem_Value_Strength_None';
import valueLinkInfluences from '@salesforce/label/c.Tandem_Value_Link_Influences';
import valueLinkAllied from '@salesforce/label/c.Tandem_Value_Link_Allied';
import valueLinkConflict from '@salesforce/label/c.Tandem_Value_Link_Conflict';
import valueLinkDotted from '@salesforce/label/c.Tandem_Value_Link_Dotted';
import valueEngagementOnCadence from '@salesforce/label/c.Tandem_Value_Engagement_On_Cadence';
import valueEngagementOverdue from '@salesforce/label/c.Tandem_Value_Engagement_Overdue';
import valueEngagementNone from '@salesforce/label/c.Tandem_Value_Engagement_None';

import planRatings from '@salesforce/label/c.Tandem_Plan_Ratings';
import planRatingOfFive from '@salesforce/label/c.Tandem_Plan_Rating_Of_Five';
import planMetricAttainment from '@salesforce/label/c.Tandem_Plan_Metric_Attainment';
import planMetricDecline from '@salesforce/label/c.Tandem_Plan_Metric_Decline';
import planInitiativeOverdue from '@salesforce/label/c.Tandem_Plan_Initiative_Overdue';
import sponsorEdit from '@salesforce/label/c.Tandem_Sponsor_Edit';
import sponsorEditFor from '@salesforce/label/c.Tandem_Sponsor_Edit_For';
import sponsorEditTitle from '@salesforce/label/c.Tandem_Sponsor_Edit_Title';
import sponsorUpdated from '@salesforce/label/c.Tandem_Sponsor_Updated';
import sponsorLogDate from '@salesforce/label/c.Tandem_Sponsor_Log_Date';
import sponsorLogType from '@salesforce/label/c.Tandem_Sponsor_Log_Type';
import sponsorLogNotes from '@salesforce/label/c.Tandem_Sponsor_Log_Notes';
import sponsorLogSave from '@salesforce/label/c.Tandem_Sponsor_Log_Save';
import sponsorLogWith from '@salesforce/label/c.Tandem_Sponsor_Log_With';
import sponsorLogSubject from '@salesforce/label/c.Tandem_Sponsor_Log_Subject';
import sponsorEngagementLogged from '@salesforce/label/c.Tandem_Sponsor_Engagement_Logged';
import planChartToDate from '@salesforce/label/c.Tandem_Plan_Chart_To_Date';
import planMetricValueParts from '@salesforce/label/c.Tandem_Plan_Metric_Value_Parts';
import scoreShowParts from '@salesforce/label/c.Tandem_Score_Show_Parts';
import scoreHideParts from '@salesforce/label/c.Tandem_Score_Hide_Parts';
import scorePartsCaption from '@salesforce/label/c.Tandem_Score_Parts_Caption';
import scoreCriterion from '@salesforce/label/c.Tandem_Score_Criterion';
import scoreWeight from '@salesforce/label/c.Tandem_Score_Weight';
import scoreValue from '@salesforce/label/c.Tandem_Score_Value';
import scorePoints from '@salesforce/label/c.Tandem_Score_Points';
import scoreRevenueConcentration from '@salesforce/label/c.Tandem_Score_Revenue_Concentration';
import scoreLifetimeValue from '@salesforce/label/c.Tandem_Score_Lifetime_Value';
import scoreInfluence from '@salesforce/label/c.Tandem_Score_Influence';
import scoreCoInnovation from '@salesforce/label/c.Tandem_Score_Co_Innovation';
import scoreCollaboration from '@salesforce/label/c.Tandem_Score_Collaboration';
import scoreRisk from '@salesforce/label/c.Tandem_Score_Risk';
import planMetricHealth from '@salesforce/label/c.Tandem_Plan_Metric_Health';
import healthShowParts from '@salesforce/label/c.Tandem_Health_Show_Parts';
import healthHideParts from '@salesforce/label/c.Tandem_Health_Hide_Parts';
import healthCaption from '@salesforce/label/c.Tandem_Health_Caption';
import healthComponentHeading from '@salesforce/label/c.Tandem_Health_Component_Heading';
import healthPlan from '@salesforce/label/c.Tandem_Health_Plan';
import healthRelationships from '@salesforce/label/c.Tandem_Health_Relationships';
import healthSponsorship from '@salesforce/label/c.Tandem_Health_Sponsorship';
import healthExecution from '@salesforce/label/c.Tandem_Health_Execution';
import healthValue from '@salesforce/label/c.Tandem_Health_Value';
import healthAllPass from '@salesforce/label/c.Tandem_Health_All_Pass';
import healthCheckStrengths from '@salesforce/label/c.Tandem_Health_Check_Strengths';
import healthCheckWeaknesses from '@salesforce/label/c.Tandem_Health_Check_Weaknesses';
import healthCheckOpportunities from '@salesforce/label/c.Tandem_Health_Check_Opportunities';
import healthCheckThreats from '@salesforce/label/c.Tandem_Health_Check_Threats';
import healthCheckCustomerObjectives from '@salesforce/label/c.Tandem_Health_Check_Customer_Objectives';
import healthCheckValueProposition from '@salesforce/label/c.Tandem_Health_Check_Value_Proposition';
import healthCheckRevenueTarget from '@salesforce/label/c.Tandem_Health_Check_Revenue_Target';
import healthCheckNextReviewMissing from '@salesforce/label/c.Tandem_Health_Check_Next_Review_Missing';
import healthCheckNextReviewPassed from '@salesforce/label/c.Tandem_Health_Check_Next_Review_Passed';
import healthCheckObjectiveDefined from '@salesforce/label/c.Tandem_Health_Check_Objective_Defined';
import healthCheckInitiativeValued from '@salesforce/label/c.Tandem_Health_Check_Initiative_Valued';
import healthCheckEconomicBuyer from '@salesforce/label/c.Tandem_Health_Check_Economic_Buyer';
import healthCheckChampion from '@salesforce/label/c.Tandem_Health_Check_Champion';
import healthCheckNoHighInfluence from '@salesforce/label/c.Tandem_Health_Check_No_High_Influence';
import healthCheckHighInfluenceOwned from '@salesforce/label/c.Tandem_Health_Check_High_Owned';
import healthCheckHighInfluenceStrong from '@salesforce/label/c.Tandem_Health_Check_High_Strong';
import healthCheckNoStakeholders from '@salesforce/label/c.Tandem_Health_Check_No_Stakeholders';
import healthCheckRecentInteraction from '@salesforce/label/c.Tandem_Health_Check_Recent';
import healthCheckKeyPersonAlert from '@salesforce/label/c.Tandem_Health_Check_Key_Person_Alert';
import healthCheckNoActiveSponsor from '@salesforce/label/c.Tandem_Health_Check_No_Sponsor';
import healthCheckSponsorsOnCadence from '@salesforce/label/c.Tandem_Health_Check_Sponsors_On_Cadence';
import healthCheckNoMeasuredObjective from '@salesforce/label/c.Tandem_Health_Check_No_Measured_Objective';
import healthCheckObjectiveProgress from '@salesforce/label/c.Tandem_Health_Check_Objective_Progress';
import healthCheckNoActiveInitiative from '@salesforce/label/c.Tandem_Health_Check_No_Active_Initiative';
import healthCheckInitiativesOnTime from '@salesforce/label/c.Tandem_Health_Check_Initiatives_On_Time';

export const labels = {
  planMetricHealth,
  healthShowParts,
  healthHideParts,
  healthCaption,
  healthComponentHeading,
  healthPlan,
  healthRelationships,
  healthSponsorship,
  healthExecution,
  healthValue,
  healthAllPass,
  healthCheckStrengths,
  healthCheckWeaknesses,
  healthCheckOpportunities,
  healthCheckThreats,
  healthCheckCustomerObjectives,
  healthCheckValueProposition,
  healthCheckRevenueTarget,
  healthCheckNextReviewMissing,
  healthCheckNextReviewPassed,
  healthCheckObjectiveDefined,
  healthCheckInitiativeValued,
  healthCheckEconomicBuyer,
  healthCheckChampion,
  healthCheckNoHighInfluence,
  healthCheckHighInfluenceOwned,
  healthCheckHighInfluenceStrong,
  healthCheckNoStakeholders,
  healthCheckRecentInteraction,
  healthCheckKeyPersonAlert,
  healthCheckNoActiveSponsor,
  healthCheckSponsorsOnCadence,
  healthCheckNoMeasuredObjective,
  healthCheckObjectiveProgress,
  healthCheckNoActiveInitiative,
  healthCheckInitiativesOnTime,
  scoreShowParts,
  scoreHideParts,
  scorePartsCaption,
  scoreCriterion,
  scoreWeight,
  scoreValue,
  scorePoints,
  scoreRevenueConcentration,
  scoreLifetimeValue,
  scoreInfluence,
  scoreCoInnovation,
  scoreCollaboration,
  scoreRisk,
  planChartToDate,
  planMetricValueParts,
  sponsorEdit,
  sponsorEditFor,
  sponsorEditTitle,
  sponsorUpdated,
  sponsorLogDate,
  sponsorLogType,
  sponsorLogNotes,
  sponsorLogSave,
  sponsorLogWith,
  sponsorLogSubject,
  sponsorEngagementLogged,
  planRatings,
  planRatingOfFive,
  planMetricAttainment,
  planMetricDecline,
  planInitiativeOverdue,
  commonLoading,
  commonSave,
  commonCancel,
  commonNone,
  commonSaved,
  commonSaveError,
  errorGeneric,
  errorIcon,
  sponsorTitle,
  sponsorAdd,
  sponsorEmpty,
  sponsorLoadError,
  sponsorUnknownName,
  sponsorPhotoOf,
  sponsorYou,
  sponsorCounterpart,
  sponsorNoCounterpart,
  sponsorCadence,
  sponsorCadenceEvery,
  sponsorEngagement,
  sponsorStatusUnknown,
  sponsorDaysSince,
  sponsorNextEngagement,
  sponsorCommitments,
  sponsorLogEngagement,
  sponsorLogEngagementFor,
  sponsorLogged,
  sponsorEnd,
  sponsorEndFor,
  sponsorEndConfirm,
  sponsorEnded,
  sponsorCreated,
  sponsorGap,
  sponsorFieldSponsor,
  sponsorFieldCounterpart,
  sponsorRequired,
  portfolioTitle,
  portfolioLoadError,
  portfolioEmpty,
  portfolioSummary,
  portfolioList,
  portfolioPlan,
  portfolioNoPlan,
  portfolioLogAt,
  planTitle,
  planLoadError,
  planNone,
  planNoneHelp,
  planCreatePlan,
  planEditPlan,
  planEditPlanButton,
  planDefaultName,
  planDraftExists,
  planActivate,
  planActivateTitle,
  planPeriod,
  planFieldRevenueTarget,
  planFieldGovernance,
  planFieldNextReview,
  planFieldInfluenceRating,
  planFieldCoInnovationRating,
  planFieldCollaborationRating,
  planFieldRiskRating,
  planCustomerObjectives,
  planValueProposition,
  planSwot,
  planStrengths,
  planWeaknesses,
  planOpportunities,
  planThreats,
  planSwotEmpty,
  planMetricsTitle,
  planNoMetrics,
  planAsOf,
  planMetricRevenueTtm,
  planMetricYoy,
  planMetricCagr,
  planMetricPipeline,
  planMetricCoverage,
  planMetricWinRate,
  planMetricMutualValue,
  planMetricScore,
  planMetricOutOfHundred,
  planChartHeading,
  planChartLabel,
  planChartPeriod,
  planChartRevenue,
  planChartNoValue,
  planChartEmpty,
  planRecalculate,
  planRecalculateTitle,
  planSyncInProgress,
  planSyncDone,
  planSyncFailed,
  planSyncFailedWith,
  planSyncTimedOut,
  planObjectivesTitle,
  planNoObjectives,
  planAddObjective,
  planEditObjective,
  planEditItem,
  planObjectiveDueOn,
  planObjectiveOwner,
  tasksTitle,
  tasksNew,
  tasksNewFor,
  tasksEmpty,
  tasksDoneShare,
  tasksDue,
  tasksNoDue,
  tasksOwner,
  planProgress,
  planProgressLabel,
  planInitiativesTitle,
  planNoInitiatives,
  planAddInitiative,
  planEditInitiative,
  planInitiativeTargetOn,
  planInitiativeSponsor,
  planInitiativeCustomerValue,
  planInitiativeSupplierValue,
  planRealizedOfTarget,
  mapTitle,
  mapLoadError,
  mapEmpty,
  mapViewLabel,
  mapViewChart,
  mapViewTable,
  mapChartLabel,
  mapKeyboardHelp,
  mapCoverageTitle,
  mapNoGaps,
  mapGapNoEconomicBuyer,
  mapGapNoChampion,
  mapGapNoOwner,
  mapGapWeak,
  mapGapOpposed,
  mapGapStale,
  mapColName,
  mapColTitle,
  mapColReportsTo,
  mapColRole,
  mapColInfluence,
  mapColAttitude,
  mapColStrength,
  mapColOwner,
  mapColLastInteraction,
  mapInfluenceShort,
  mapDaysAgo,
  mapStaleDaysAgo,
  mapNoInteraction,
  mapNoOwner,
  mapNotMapped,
  mapNotMappedShort,
  mapEditPerson,
  mapAddPerson,
  mapSaved,
  mapLinksTitle,
  mapLinkType,
  mapLinkTarget,
  mapLinkAdd,
  mapLinkChooseTarget,
  mapLinkIncoming,
  mapLinkRemoveTitle,
  valueRoleEconomicBuyer,
  valueRoleDecisionMaker,
  valueRoleTechnicalEvaluator,
  valueRoleInfluencer,
  valueRoleChampion,
  valueRoleCoach,
  valueRoleGatekeeper,
  valueRoleBlocker,
  valueRoleEndUser,
  valueInfluenceHigh,
  valueInfluenceMedium,
  valueInfluenceLow,
  valueAttitudeAdvocate,
  valueAttitudeSupporter,
  valueAttitudeNeutral,
  valueAttitudeSkeptic,
  valueAttitudeDetractor,
  valueAttitudeUnknown,
  valueStrengthStrong,
  valueStrengthMedium,
  valueStrengthWeak,
  valueStrengthNone,
  valueLinkInfluences,
  valueLinkAllied,
  valueLinkConflict,
  valueLinkDotted,
  valueEngagementOnCadence,
  valueEngagementOverdue,
  valueEngagementNone
};

// Picklist values (API names, as in the data model) with their labels, for forms and display.
const PICKLISTS = {
  buyingRole: [
    { value: 'Economic Buyer', label: valueRoleEconomicBuyer },
    { value: 'Decision Maker', label: valueRoleDecisionMaker },
    { value: 'Technical Evaluator', label: valueRoleTechnicalEvaluator },
    { value: 'Influencer', label: valueRoleInfluencer },
    { value: 'Champion', label: valueRoleChampion },
    { value: 'Coach', label: valueRoleCoach },
    { value: 'Gatekeeper', label: valueRoleGatekeeper },
    { value: 'Blocker', label: valueRoleBlocker },
    { value: 'End User', label: valueRoleEndUser }
  ],
  influence: [
    { value: 'High', label: valueInfluenceHigh },
    { value: 'Medium', label: valueInfluenceMedium },
    { value: 'Low', label: valueInfluenceLow }
  ],
  attitude: [
    { value: 'Advocate', label: valueAttitudeAdvocate },
    { value: 'Supporter', label: valueAttitudeSupporter },
    { value: 'Neutral', label: valueAttitudeNeutral },
    { value: 'Skeptic', label: valueAttitudeSkeptic },
    { value: 'Detractor', label: valueAttitudeDetractor },
    { value: 'Unknown', label: valueAttitudeUnknown }
  ],
  relationshipStrength: [
    { value: 'Strong', label: valueStrengthStrong },
    { value: 'Medium', label: valueStrengthMedium },
    { value: 'Weak', label: valueStrengthWeak },
    { value: 'None', label: valueStrengthNone }
  ],
  linkType: [
    { value: 'Influences', label: valueLinkInfluences },
    { value: 'Allied with', label: valueLinkAllied },
    { value: 'In conflict with', label: valueLinkConflict },
    { value: 'Dotted line to', label: valueLinkDotted }
  ],
  engagementStatus: [
    { value: 'On cadence', label: valueEngagementOnCadence },
    { value: 'Overdue', label: valueEngagementOverdue },
    { value: 'No engagement', label: valueEngagementNone }
  ]
};

/** Options for a lightning-combobox: [{ value, label }]. */
export function picklistOptions(picklist) {
  const values = PICKLISTS[picklist];
  if (!values) {
    throw new Error(`tandemLabels: unknown picklist "${picklist}"`);
  }
  return values.map((entry) => ({ ...entry }));
}

/** The label of a picklist value; an unknown value (added by an admin later) shows as stored. */
export function picklistLabel(picklist, value) {
  const entry = (PICKLISTS[picklist] || []).find((candidate) => candidate.value === value);
  return entry ? entry.label : value;
}
