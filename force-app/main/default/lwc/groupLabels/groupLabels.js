// Labels of the customer-group views: the whitespace matrix, its opportunities modal and the
// account plan's group figures (English, with an Italian translation in translations/it.translation-meta.xml).
import matrixTitle from '@salesforce/label/c.Tandem_Matrix_Title';
import matrixCaption from '@salesforce/label/c.Tandem_Matrix_Caption';
import matrixLoadError from '@salesforce/label/c.Tandem_Matrix_Load_Error';
import matrixEmpty from '@salesforce/label/c.Tandem_Matrix_Empty';
import matrixNoAccess from '@salesforce/label/c.Tandem_Matrix_No_Access';
import matrixSubtree from '@salesforce/label/c.Tandem_Matrix_Subtree';
import matrixSegment from '@salesforce/label/c.Tandem_Matrix_Segment';
import matrixTotal from '@salesforce/label/c.Tandem_Matrix_Total';
import matrixWon from '@salesforce/label/c.Tandem_Matrix_Won';
import matrixOpen from '@salesforce/label/c.Tandem_Matrix_Open';
import matrixCellAction from '@salesforce/label/c.Tandem_Matrix_Cell_Action';
import matrixLegend from '@salesforce/label/c.Tandem_Matrix_Legend';
import matrixNoFamily from '@salesforce/label/c.Tandem_Matrix_No_Family';
import matrixOppsTitle from '@salesforce/label/c.Tandem_Matrix_Opps_Title';
import matrixOppsEmpty from '@salesforce/label/c.Tandem_Matrix_Opps_Empty';
import matrixOppsLoadError from '@salesforce/label/c.Tandem_Matrix_Opps_Load_Error';
import matrixOppsName from '@salesforce/label/c.Tandem_Matrix_Opps_Name';
import matrixOppsStage from '@salesforce/label/c.Tandem_Matrix_Opps_Stage';
import matrixOppsCloseDate from '@salesforce/label/c.Tandem_Matrix_Opps_Close_Date';
import matrixOppsAmount from '@salesforce/label/c.Tandem_Matrix_Opps_Amount';
import matrixOppsClose from '@salesforce/label/c.Tandem_Matrix_Opps_Close';
import planGroupRevenue from '@salesforce/label/c.Tandem_Plan_Group_Revenue';
import planGroupPipeline from '@salesforce/label/c.Tandem_Plan_Group_Pipeline';
import planGroupHint from '@salesforce/label/c.Tandem_Plan_Group_Hint';

export const groupLabels = {
  matrixTitle,
  matrixCaption,
  matrixLoadError,
  matrixEmpty,
  matrixNoAccess,
  matrixSubtree,
  matrixSegment,
  matrixTotal,
  matrixWon,
  matrixOpen,
  matrixCellAction,
  matrixLegend,
  matrixNoFamily,
  matrixOppsTitle,
  matrixOppsEmpty,
  matrixOppsLoadError,
  matrixOppsName,
  matrixOppsStage,
  matrixOppsCloseDate,
  matrixOppsAmount,
  matrixOppsClose,
  planGroupRevenue,
  planGroupPipeline,
  planGroupHint
};
