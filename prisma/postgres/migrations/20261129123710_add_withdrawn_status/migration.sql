-- AlterEnum
ALTER TYPE "ProposalStatus" ADD VALUE 'DITARIK';

